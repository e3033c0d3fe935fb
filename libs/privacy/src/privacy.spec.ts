import { contactActors, pseudonymsFor } from './subject';
import { erasureReplacements, textPseudonymiser } from './text-pseudonymiser';
import { readExportPage, type ExportSection } from './export-page';

const contactId = '6f1c2d3e-4a5b-4c6d-8e7f-901234567890';
const subject = { contactId, email: 'ana.kowalski@fabrikam.example', name: "Ana O'Kowalski" };
const erased = pseudonymsFor(contactId);
const erase = (text: string) => textPseudonymiser(erasureReplacements(subject)).apply(text);

describe('pseudonyms and actor strings of a contact', () => {
  it('the pseudonym is stable per contact, reveals neither name nor address, and is an address that can never receive mail', () => {
    expect(pseudonymsFor(contactId)).toEqual(erased);
    expect(erased.name).toMatch(/^erased-[0-9a-f]{16}$/);
    expect(erased.email).toBe(`${erased.name}@erased.invalid`);
    expect(pseudonymsFor('00000000-0000-4000-8000-000000000000').name).not.toBe(erased.name);
  });

  it('a contact acts as a customer admin or technician, named by contact id or e-mail address', () => {
    expect(contactActors(contactId, 'Ana.Kowalski@Fabrikam.example').sort()).toEqual(
      [
        `CUSTOMER_ADMIN:${contactId}`,
        'CUSTOMER_ADMIN:Ana.Kowalski@Fabrikam.example',
        'CUSTOMER_ADMIN:ana.kowalski@fabrikam.example',
        `CUSTOMER_TECHNICIAN:${contactId}`,
        'CUSTOMER_TECHNICIAN:Ana.Kowalski@Fabrikam.example',
        'CUSTOMER_TECHNICIAN:ana.kowalski@fabrikam.example',
      ].sort(),
    );
  });
});

describe('erasing a contact from free text', () => {
  it('actor strings become the role with the pseudonym, the address and the name their pseudonyms', () => {
    expect(erase(`Comment by CUSTOMER_TECHNICIAN:ana.kowalski@fabrikam.example for CUSTOMER_ADMIN:${contactId}`)).toBe(
      `Comment by CUSTOMER_TECHNICIAN:${erased.subject} for CUSTOMER_ADMIN:${erased.subject}`,
    );
    expect(erase("Regards, Ana O'Kowalski <ANA.KOWALSKI@fabrikam.example>")).toBe(`Regards, ${erased.name} <${erased.email}>`);
  });

  it('the values are found as JSON strings and HTML text hold them', () => {
    expect(erase(JSON.stringify({ author: 'CUSTOMER_TECHNICIAN:ana.kowalski@fabrikam.example', name: "Ana O'Kowalski" }))).toBe(
      JSON.stringify({ author: `CUSTOMER_TECHNICIAN:${erased.subject}`, name: erased.name }),
    );
    expect(erase('<p>Dear Ana O&#39;Kowalski,</p>')).toBe(`<p>Dear ${erased.name},</p>`);
  });

  it('a name is replaced only as a whole word, and text without the contact is left as it was', () => {
    const short = textPseudonymiser(erasureReplacements({ contactId, email: 'al@fabrikam.example', name: 'Al' }));
    expect(short.apply('Also, Al called about the Alpha unit')).toBe(`Also, ${erased.name} called about the Alpha unit`);
    expect(erase('The camera reboots every hour.')).toBe('The camera reboots every hour.');
  });

  it('a one-letter name is not searched for in free text', () => {
    const letter = textPseudonymiser(erasureReplacements({ contactId, email: 'x@fabrikam.example', name: 'X' }));
    expect(letter.apply('Model X fails')).toBe('Model X fails');
  });
});

describe('export pages', () => {
  const section = (name: string, keys: string[]): ExportSection => ({
    name,
    read: async (after, limit) =>
      keys
        .filter((key) => after === null || key > after)
        .slice(0, limit)
        .map((key) => ({ key, record: { id: key } })),
  });

  it('pages walk every section in order, a limit at a time, and end with a null cursor', async () => {
    const sections = [section('a', ['1', '2', '3']), section('b', []), section('c', ['1', '2'])];
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const page = await readExportPage(sections, next, 2);
      seen.push(...page.records.map((record) => `${record.section}${(JSON.parse(record.data) as { id: string }).id}`));
      next = page.next;
      pages += 1;
    } while (next);
    expect(seen).toEqual(['a1', 'a2', 'a3', 'c1', 'c2']);
    expect(pages).toBeLessThanOrEqual(4);
  });

  it('a cursor it did not give, or a limit out of range, is BAD_USER_INPUT naming the argument', async () => {
    await expect(readExportPage([section('a', ['1'])], 'not-a-cursor', 10)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    await expect(readExportPage([section('a', ['1'])], null, 0)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'limit' },
    });
    await expect(readExportPage([section('a', ['1'])], null, 1001)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'limit' },
    });
  });
});
