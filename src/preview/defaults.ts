/** The port `keydata preview` listens on when none is given (on 127.0.0.1 only). */
export const DEFAULT_PREVIEW_PORT = 4000;
