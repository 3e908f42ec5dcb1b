import type { Db } from './client';
import { topics } from './schema';

/** The catalog PRODUCT.md asks for; admins can add more later. */
export const SEED_TOPICS = [
  { id: 'ai', nameEn: 'AI and neural networks', nameRu: 'ИИ и нейросети' },
  {
    id: 'digital_tools',
    nameEn: 'Digital tools (CRM, analytics, automation)',
    nameRu: 'Цифровые инструменты (CRM, аналитика, автоматизация)',
  },
  {
    id: 'social_media',
    nameEn: 'Social media and personal brand',
    nameRu: 'Соцсети и личный бренд',
  },
  {
    id: 'messengers',
    nameEn: 'Messengers and business correspondence',
    nameRu: 'Мессенджеры и деловая переписка',
  },
  { id: 'customer_experience', nameEn: 'Customer experience', nameRu: 'Клиентский опыт' },
  {
    id: 'gen_z',
    nameEn: 'Gen Z values and workplace trends',
    nameRu: 'Ценности поколения Z и тренды на работе',
  },
  { id: 'green_economy', nameEn: 'Green economy', nameRu: 'Зелёная экономика' },
  { id: 'presentations', nameEn: 'Presentations', nameRu: 'Презентации' },
  { id: 'blogging_video', nameEn: 'Blogging and video', nameRu: 'Блогинг и видео' },
] as const;

const rows = () => SEED_TOPICS.map((topic, i) => ({ ...topic, sortOrder: (i + 1) * 10 }));

/** Idempotent: inserts missing topics, never overwrites names an admin changed. */
export function seedTopics(db: Db): void {
  db.transaction((tx) => {
    for (const row of rows()) tx.insert(topics).values(row).onConflictDoNothing().run();
  });
}

/** `seedTopics` on any dialect (PostgreSQL's start): one statement, awaited. */
export async function seedTopicsAwaited(db: Db): Promise<void> {
  await db.insert(topics).values(rows()).onConflictDoNothing();
}
