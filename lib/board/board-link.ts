/** Where a board opens, and how long a link may get before it is no longer worth making. */

const BOARD_PATH = "/board";

/**
 * Browsers take far longer URLs, but chat apps, mail clients and ticket systems cut or refuse them well before; beyond
 * this the person is told to share fewer operations rather than given a link that breaks on the way.
 */
export const MAX_BOARD_LINK_CHARS = 32 * 1024;

export const boardLink = (origin: string, fragment: string): string => `${origin}${BOARD_PATH}#${fragment}`;
