import type { CombinedError } from 'urql';
import { apiProblem, describeApiProblem } from '@polyplus/web-ui';

/** The API's refusal in words, announced to screen readers; bad input names its field. */
export function ApiErrorMessage({ error, prefix }: { error: CombinedError; prefix?: string }) {
  const problem = apiProblem(error);
  return (
    <p role="alert" className="banner banner-error" data-code={problem.code} data-field={problem.field ?? undefined}>
      {prefix ? `${prefix}: ` : ''}
      {describeApiProblem(problem)}
    </p>
  );
}
