import { z } from 'zod';
import { arg, encodeAction } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { LOCALES, type Locale } from '../../core/i18n';
import { type ActionSpec, action, type CommandSpec } from '../../core/registry';
import { audit } from '../../db/queries/audit';
import { updateUser } from '../../db/queries/users';

export const LANG_SET_ACTION = 'optin.lang';

const ALIASES: Record<string, Locale> = {
  en: 'en',
  eng: 'en',
  english: 'en',
  англ: 'en',
  английский: 'en',
  ru: 'ru',
  rus: 'ru',
  russian: 'ru',
  рус: 'ru',
  русский: 'ru',
};

/** Pure: "/lang Русский" → 'ru'; anything unknown → undefined. */
export function parseLocaleArg(args: string): Locale | undefined {
  return ALIASES[args.trim().toLowerCase()];
}

async function setLocale(ctx: Ctx, locale: Locale): Promise<void> {
  await updateUser(ctx.tx, ctx.user.id, { locale });
  await audit(
    ctx.tx,
    { actorUserId: ctx.user.id, action: 'lang.set', details: { locale } },
    ctx.now,
  );
  ctx.setLocale(locale);
  ctx.reply({ kind: 'text', text: ctx.t('lang.done') });
}

export const langCommand: CommandSpec = {
  scope: 'dm',
  async run(ctx, args) {
    if (args.trim() === '') {
      ctx.reply({
        kind: 'text',
        text: ctx.t('lang.current', { name: ctx.t(`lang.name.${ctx.locale}`) }),
        buttons: LOCALES.map((l) => ({
          label: ctx.t(`lang.name.${l}`),
          data: encodeAction(LANG_SET_ACTION, ctx.user.id, l),
        })),
      });
      return;
    }
    const locale = parseLocaleArg(args);
    if (!locale) {
      ctx.reply({ kind: 'text', text: ctx.t('lang.usage') });
      return;
    }
    await setLocale(ctx, locale);
  },
};

export const langActions = {
  [LANG_SET_ACTION]: action(z.tuple([arg.oneOf(LOCALES)]), (ctx, [locale]) =>
    setLocale(ctx, locale),
  ),
} satisfies Record<string, ActionSpec>;
