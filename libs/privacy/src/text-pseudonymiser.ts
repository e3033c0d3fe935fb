import { pseudonymousActors, pseudonymsFor, type ErasureSubject } from './subject';

/** One value to find in free text (case-insensitively, as a whole word) and what replaces it. */
export type Replacement = { find: string; replace: string };

/** Names shorter than this are not searched for in free text: a letter would match everywhere. */
export const MIN_NAME_LENGTH = 2;

const jsonEscaped = (value: string) => JSON.stringify(value).slice(1, -1);
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const htmlEscaped = (value: string) => value.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);

/**
 * What erases a contact from free text (comment bodies, audit notes, mail bodies, event payloads),
 * most specific first: each of their actor strings, their e-mail address, their name — also as a
 * JSON string and HTML text would hold them.
 */
export function erasureReplacements(subject: Pick<ErasureSubject, 'contactId' | 'email' | 'name'>): Replacement[] {
  const pseudonyms = pseudonymsFor(subject.contactId);
  const name = subject.name.trim();
  const plain: Replacement[] = [
    ...pseudonymousActors(subject.contactId, subject.email).map(([find, replace]) => ({ find, replace })),
    { find: subject.email.trim(), replace: pseudonyms.email },
    ...(name.length >= MIN_NAME_LENGTH ? [{ find: name, replace: pseudonyms.name }] : []),
  ];
  const seen = new Set<string>();
  return plain
    .flatMap((replacement) => [
      replacement,
      ...[jsonEscaped, htmlEscaped].map((escape) => ({ find: escape(replacement.find), replace: escape(replacement.replace) })),
    ])
    .filter((replacement) => {
      const key = replacement.find.toLowerCase();
      if (!replacement.find || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole-word, case-insensitive pattern: `Ana` is found in "Hello Ana," but not in "Banana". */
function patternOf(find: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(find)}(?![\\p{L}\\p{N}_])`, 'giu');
}

/** A compiled set of replacements for many texts. */
export type TextPseudonymiser = {
  replacements: readonly Replacement[];
  /** The text with every replacement made; the same text when nothing matched. */
  apply(text: string): string;
};

export function textPseudonymiser(replacements: readonly Replacement[]): TextPseudonymiser {
  const compiled = replacements.map((replacement) => ({ pattern: patternOf(replacement.find), replace: replacement.replace }));
  return {
    replacements,
    apply(text) {
      let result = text;
      for (const { pattern, replace } of compiled) result = result.replace(pattern, () => replace);
      return result;
    },
  };
}

/** `value` as a LIKE pattern matching it anywhere (`%`, `_` and `\` escaped). */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
