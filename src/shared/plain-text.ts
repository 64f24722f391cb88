/** Checks for plain text a partner gives (a label, a contact's name): the element and the panel use both. */

/** Control and bidirectional-override characters that could disguise a label. */
export const unsafeChars = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Whether text has something a person can see (not only spaces, joiners or blank fillers). */
export function visible(text: string): boolean {
  return text.replace(/[\p{Cf}\p{Z}\u3164\u2800\u115f\u1160\uffa0]/gu, '').length > 0;
}
