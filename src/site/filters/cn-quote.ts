/**
 * The `cnQuote` filter: a title in Chinese double quotes (“…‘…’…”), the
 * model's quoting rule, so a chapter quotes as the model's sentences do.
 *
 * @example
 * cnQuote('智慧法院') // '“智慧法院”'
 */
export { cnQuote } from '../../model/text/cn-quote.ts';
