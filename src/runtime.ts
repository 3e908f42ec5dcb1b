import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';

/** Node.js majors Tandem supports: the maintained LTS lines (Node 20 left support on 2026-04-30). */
export const SUPPORTED_NODE = { minMajor: 22, text: 'Node.js 22 or 24 (LTS)' } as const;

/** Whether this Node.js version (`process.versions.node`, e.g. "20.20.2") is still supported. */
export function nodeSupported(version: string): boolean {
  return Number(version.split('.')[0]) >= SUPPORTED_NODE.minMajor;
}

/**
 * Whether anyone can type into the console demo: stdin is a terminal, or input is piped or
 * redirected in (`npm start < script.txt`, the end-to-end tests). A container or service
 * started without a terminal has stdin on /dev/null (a character device that is no
 * terminal) or closed: the console would read nothing and end at once.
 */
export function consoleHasInput(fd = 0): boolean {
  try {
    const stat = fstatSync(fd);
    // /dev/null and the like; a terminal is a character device too, told apart by isTTY.
    return !stat.isCharacterDevice() || isatty(fd);
  } catch {
    return false;
  }
}

/** What to do when there is neither a platform to connect nor a person at a terminal. */
export const NOTHING_TO_RUN = `Tandem has nothing to run: no Slack or Telegram token is set, and there is no terminal for the console demo.
Set, in the environment or in .env (see .env.example):
  Slack:    SLACK_BOT_TOKEN, and SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)
  Telegram: TELEGRAM_BOT_TOKEN
Or, for the console demo, run it in a terminal: \`npm start\`, or \`docker run -it …\`.
`;
