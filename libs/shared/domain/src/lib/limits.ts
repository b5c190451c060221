/**
 * The longest texts Jalons keeps, in characters (code points, as PostgreSQL counts them): the API
 * refuses longer ones (the contract's `IsText`, `Length`), the web app's fields stop there
 * (`maxlength`).
 */
export const TEXT_MAX = Object.freeze({
  /** a person's name */
  name: 200,
  /** an action's or a milestone's title */
  title: 200,
  description: 4000,
  /** the comment that goes with a change, into the history */
  comment: 2000,
  /** an e-mail address: 64 characters before the @, 255 after it */
  email: 320,
});
