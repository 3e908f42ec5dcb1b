import type { en } from './en';

/** The experiments (ideas) feature's Russian texts: typed as its English ones, so a missing key or parameter won't compile. */
export const ru: typeof en = {
  'cmd.idea': 'предложить эксперимент: проверить идею малым тестом вместо долгой встречи',
  'cmd.ideas': 'идеи ваших пар и их статус',
  'idea.form.title': 'Идея для проверки',
  'idea.form.submit': 'Предложить',
  'idea.field.title': 'Короткое название',
  'idea.hint.title': 'Например: «Reels для новой карты».',
  'idea.field.hypothesis': 'Что, по-вашему, произойдёт?',
  'idea.hint.hypothesis':
    'Например: «20-секундный Reels приведёт больше заявок до 25 лет, чем баннер».',
  'idea.field.test': 'Какой самый маленький тест?',
  'idea.hint.test': 'Например: «два Reels на неделю, бюджет 10 000 ₽, рядом с обычным баннером».',
  'idea.field.measure': 'Как измерим?',
  'idea.hint.measure': 'Например: «заявки до 25 лет в день, Reels против баннера».',
  'idea.error.measure':
    'Назовите то, что можно посчитать или проверить: «заявки в день», а не «посмотрим, понравится ли».',
  'idea.savedAsked':
    'Идея сохранена — старшего партнёра попросили поддержать пилот или отложить идею.',
  'idea.savedForHr': 'Идея сохранена. Поддержать пилот или отложить её может HR; см. /ideas.',
  'idea.cancelledForm': 'Идея не сохранена.',
  'idea.askSponsor': (p) =>
    `${p.name} предлагает эксперимент: «${p.title}»\nГипотеза: ${p.hypothesis}\nМинимальный тест: ${p.test}\nИзмеряем: ${p.measure}\nПоддержите небольшой пилот или отложите с объяснением?`,
  'idea.askHr': (p) =>
    `${p.name} предлагает эксперимент; старшего партнёра, который решил бы, нет — решение за HR: «${p.title}»\nГипотеза: ${p.hypothesis}\nМинимальный тест: ${p.test}\nИзмеряем: ${p.measure}\nПоддержите небольшой пилот или отложите с объяснением?`,
  'idea.button.sponsor': 'Поддержать пилот',
  'idea.button.park': 'Отложить',
  'idea.sponsor.title': 'Поддержать пилот',
  'idea.sponsor.submit': 'Поддержать',
  'idea.field.check': 'Когда посмотрим на результат? (дата)',
  'idea.hint.check': 'Для маленького теста обычно хватает одной-двух недель.',
  'idea.error.checkPast': 'Выберите день после сегодняшнего.',
  'idea.error.checkFar': (p) =>
    `Не затягивайте: выберите день в пределах ${p.days} дней. Маленький тест отвечает быстро.`,
  'idea.park.title': 'Отложить идею',
  'idea.park.submit': 'Отложить',
  'idea.field.reason': 'Почему откладываем?',
  'idea.hint.reason':
    'Автор это прочитает, например: «бюджет заморожен до марта — вернёмся тогда».',
  'idea.reviewDoneOwn': 'Готово — ваша идея обновлена.',
  'idea.reviewDone': 'Готово — автору сообщили.',
  'idea.notAllowed': 'Решение по идее принимает старший партнёр автора или HR.',
  'idea.notOpen': 'Эта идея уже не ждёт этого решения.',
  'idea.sponsored': (p) =>
    `${p.name} поддерживает пилот «${p.title}». Посмотрим на результат ${p.date}.`,
  'idea.parked': (p) => `${p.name} отложил(а) «${p.title}»: ${p.reason}`,
  'idea.checkAsk': (p) =>
    `Пора подвести итог пилота «${p.title}». Измеряли: ${p.measure}. Как прошло?`,
  'idea.outcomeForm.title': 'Итог пилота',
  'idea.outcomeForm.submit': 'Сохранить',
  'idea.field.note': 'В одном-двух предложениях: что получилось?',
  'idea.hint.note': 'Например: «Reels дали втрое больше заявок, чем баннер, за полцены».',
  'idea.outcomeSaved': 'Сохранено — попадёт в еженедельный дайджест и сводку для HR.',
  'idea.noneWaiting': (p) =>
    `Нет идей, ждущих решения. Поддержанные, отложенные и завершённые (всего ${p.n}) — в ${p.export}.`,
  'idea.listNone': (p) => `Идей пока нет. Предложите первую: ${p.idea}.`,
  'idea.line': (p) =>
    `«${p.title}», автор ${p.author} — ${p.status}\nГипотеза: ${p.hypothesis}\nМинимальный тест: ${p.test}\nИзмеряем: ${p.measure}`,
  'idea.checkLine': (p) => `Дата проверки: ${p.date}`,
  'idea.status.proposed': 'ждёт решения',
  'idea.status.piloting': 'пилот идёт',
  'idea.status.parked': 'отложена',
  'idea.status.concluded': 'завершена',
  'idea.outcomeLine': (p) => `${p.name}: ${p.outcome} — ${p.note}`,
  'idea.parkedLine': (p) => `Отложена: ${p.reason}`,
};
