import type { Format, ProgramRole } from '../db/schema';

/** A colleague of the demo company, as the console demo seeds them. */
export interface DemoPerson {
  id: string;
  name: string;
  locale: 'en' | 'ru';
  timeZone: string;
  role: ProgramRole;
  grade: number;
  department: string;
  teach: string[];
  learn: string[];
  interests: string[];
  formats: Format[];
  capacity: number | null;
  prepared: boolean;
  pausedWeeks?: number;
}

/** A dozen colleagues: juniors who teach, seniors who learn, mixed teams, zones and languages. */
export const DEMO_COMPANY: DemoPerson[] = [
  { id: 'anna', name: 'Anna Petrova', locale: 'ru', timeZone: 'Europe/Moscow', role: 'mentor', grade: 1, department: 'Marketing', teach: ['social_media', 'blogging_video', 'gen_z'], learn: [], interests: ['running', 'photography'], formats: ['one_on_one', 'sprint'], capacity: 2, prepared: true },
  { id: 'dmitry', name: 'Dmitry Sokolov', locale: 'ru', timeZone: 'Europe/Moscow', role: 'mentee', grade: 5, department: 'Management', teach: [], learn: ['ai', 'social_media'], interests: ['chess', 'running'], formats: ['one_on_one', 'sprint'], capacity: null, prepared: true },
  { id: 'maria', name: 'Maria Ivanova', locale: 'ru', timeZone: 'Asia/Yekaterinburg', role: 'mentor', grade: 2, department: 'IT', teach: ['ai', 'digital_tools'], learn: [], interests: ['board games', 'jazz'], formats: ['one_on_one', 'group', 'sprint'], capacity: 3, prepared: true },
  { id: 'sergey', name: 'Sergey Kuznetsov', locale: 'ru', timeZone: 'Europe/Moscow', role: 'mentee', grade: 4, department: 'Sales', teach: [], learn: ['digital_tools', 'customer_experience'], interests: ['fishing', 'football'], formats: ['long_term', 'sprint'], capacity: null, prepared: true },
  { id: 'olga', name: 'Olga Smirnova', locale: 'ru', timeZone: 'Europe/Moscow', role: 'both', grade: 4, department: 'HR', teach: ['presentations'], learn: ['gen_z', 'ai'], interests: ['yoga', 'travel'], formats: ['one_on_one', 'group'], capacity: 1, prepared: true },
  { id: 'liam', name: 'Liam Carter', locale: 'en', timeZone: 'Europe/London', role: 'mentor', grade: 1, department: 'Customer Support', teach: ['messengers', 'customer_experience'], learn: [], interests: ['gaming', 'football'], formats: ['one_on_one', 'sprint'], capacity: 2, prepared: true },
  { id: 'emma', name: 'Emma Schulz', locale: 'en', timeZone: 'Europe/Berlin', role: 'mentee', grade: 5, department: 'Finance', teach: [], learn: ['ai', 'digital_tools'], interests: ['tennis', 'jazz'], formats: ['one_on_one', 'long_term'], capacity: null, prepared: true },
  { id: 'ivan', name: 'Ivan Volkov', locale: 'ru', timeZone: 'Asia/Novosibirsk', role: 'mentor', grade: 2, department: 'Analytics', teach: ['digital_tools', 'ai'], learn: [], interests: ['chess', 'cycling'], formats: ['sprint', 'group'], capacity: 2, prepared: true },
  { id: 'elena', name: 'Elena Popova', locale: 'ru', timeZone: 'Europe/Moscow', role: 'both', grade: 3, department: 'Marketing', teach: ['blogging_video'], learn: ['green_economy'], interests: ['travel', 'photography'], formats: ['one_on_one', 'sprint'], capacity: 1, prepared: true },
  { id: 'noah', name: 'Noah Kim', locale: 'en', timeZone: 'America/New_York', role: 'mentor', grade: 1, department: 'Sustainability', teach: ['green_economy', 'gen_z'], learn: [], interests: ['cycling', 'cooking'], formats: ['one_on_one', 'group', 'sprint'], capacity: 2, prepared: true },
  { id: 'natalia', name: 'Natalia Fedorova', locale: 'ru', timeZone: 'Europe/Moscow', role: 'mentee', grade: 4, department: 'Legal', teach: [], learn: ['messengers', 'social_media', 'presentations'], interests: ['theatre', 'yoga'], formats: ['one_on_one'], capacity: null, prepared: true, pausedWeeks: 2 },
  { id: 'pavel', name: 'Pavel Morozov', locale: 'ru', timeZone: 'Asia/Dubai', role: 'mentee', grade: 5, department: 'Operations', teach: [], learn: ['ai', 'green_economy'], interests: ['fishing', 'chess'], formats: ['long_term', 'sprint'], capacity: null, prepared: false },
];
