import { graphqlData, type GraphQLTarget } from '@polyplus/local-stack';

/** Records a HIGH security notice, detected an hour ago, for the customers named, then publishes it; as support staff. Answers its id. */
export async function publishSecurityNotice(
  staff: GraphQLTarget,
  notice: { title: string; summary: string; affectedCustomerIds: string[] },
): Promise<string> {
  const { recordSecurityNotice } = await graphqlData<{ recordSecurityNotice: { id: string } }>(
    staff,
    'mutation ($input: RecordSecurityNoticeInput!) { recordSecurityNotice(input: $input) { id } }',
    { input: { kind: 'SECURITY', severity: 'HIGH', detectedAt: new Date(Date.now() - 3_600_000).toISOString(), ...notice } },
  );
  await graphqlData(staff, 'mutation ($id: ID!) { publishSecurityNotice(id: $id) { id } }', { id: recordSecurityNotice.id });
  return recordSecurityNotice.id;
}
