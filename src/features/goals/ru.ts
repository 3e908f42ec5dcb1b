import type { en } from './en';

/** The goals feature's Russian texts: typed as its English ones, so a missing key or parameter won't compile. */
export const ru: typeof en = {
  'cmd.goal': 'поставить SMART-цель с партнёром',
  'cmd.goals': 'цели вашей пары и прогресс',
  'goal.form.title': 'Цель для вашей пары',
  'goal.form.submit': 'Сохранить цель',
  'goal.field.partner': 'С кем?',
  'goal.field.specific': 'Что именно вы сделаете?',
  'goal.hint.specific':
    'Одна конкретная вещь, например «Настроить ИИ-ассистента, который готовит черновик еженедельного отчёта».',
  'goal.field.measure': 'Как вы поймёте, что готово?',
  'goal.hint.measure':
    'То, что можно посчитать или проверить: «3 отчёта подготовлены ассистентом» или «бот настроен, и я пользуюсь им без помощи».',
  'goal.field.deadline': 'К какому сроку? (дата)',
  'goal.hint.deadline': 'Выберите день через несколько недель — так проще держать темп.',
  'goal.field.relevant': 'Почему это важно для вас?',
  'goal.hint.relevant': 'Например: «каждую пятницу трачу 2 часа на отчёт».',
  'goal.field.achievable': 'Успеете к этому сроку с помощью партнёра?',
  'goal.achievable.yes': 'Да',
  'goal.achievable.no': 'Не уверен(а)',
  'goal.error.measure':
    'Это сложно проверить. Назовите то, что можно посчитать или проверить: «3 отчёта подготовлены ассистентом», а не «лучше разбираться в ИИ».',
  'goal.error.past': 'Этот день уже прошёл. Выберите дату впереди, например через четыре недели.',
  'goal.error.beyondProgram': (p) =>
    `Это позже окончания программы (${p.end}). Выберите дату раньше — цель поменьше тоже хороша.`,
  'goal.error.notAchievable':
    'Тогда уменьшим цель, пока ответ не станет «да»: например, «подготовить один отчёт с ассистентом» вместо «автоматизировать всю отчётность».',
  'goal.needPair': 'Цели ставятся в паре — когда появится партнёр, попробуйте снова.',
  'goal.saved': (p) =>
    `Цель сохранена. Партнёр её видит; отмечайте прогресс через ${p.goals}. Напомню за несколько дней до срока.`,
  'goal.cancelledForm': 'Цель не сохранена.',
  'goal.partnerNew': (p) => `${p.name} поставил(а) новую цель: «${p.goal}».`,
  'goal.partnerProgress': (p) => `${p.name} обновил(а) прогресс цели «${p.goal}»: ${p.bar}`,
  'goal.partnerDone': (p) => `${p.name} достиг(ла) цели «${p.goal}» 🎉`,
  'goal.listNone': (p) => `Целей пока нет. Поставьте первую: ${p.goal}.`,
  'goal.listTitle': (p) => `Цели вашей пары (${p.n}):`,
  'goal.listTitlePast': (p) => `Цели вашей прошлой пары — остаются как были (${p.n}):`,
  'goal.you': 'Вы',
  'goal.line': (p) =>
    `${p.owner}: ${p.goal}\n${p.bar}\nГотово, когда: ${p.measure}\nСрок: ${p.deadline}`,
  'goal.lineDone': (p) =>
    `✅ ${p.owner}: ${p.goal}\nГотово, когда: ${p.measure} (срок ${p.deadline})`,
  'goal.overdue': 'Срок прошёл.',
  'goal.overdueOwn': (p) =>
    `Срок прошёл. Всё-таки получилось — нажмите «Готово ✓». Если нет, поставьте следующий шаг новой целью: ${p.goal}.`,
  'goal.button.done': 'Готово ✓',
  'goal.progressSaved': 'Прогресс сохранён, партнёр в курсе.',
  'goal.unchanged': 'Уже отмечено.',
  'goal.notYours': 'Двигать цель может только тот, кто её поставил.',
  'goal.doneAlready': 'Эта цель уже выполнена.',
  'goal.invalidStep': 'Прогресс отмечается шагами: 0, 25, 50, 75 или 100 %.',
  'goal.pairEnded':
    'Эта пара завершена, поэтому её цели остаются как были — отмечать их больше нельзя.',
  'goal.reminder': (p) =>
    `До срока цели «${p.goal}» осталось несколько дней (${p.deadline}). Где вы сейчас?\n${p.bar}`,
  'goal.reminderLate': (p) =>
    `Срок цели «${p.goal}» (${p.deadline}) прошёл. Докуда удалось дойти?\n${p.bar}`,
};
