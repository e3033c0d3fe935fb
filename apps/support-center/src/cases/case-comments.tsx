import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { LocalDateTime } from '@polyplus/web-ui';
import { ApiErrorMessage } from '../ui/api-error-message';
import { Empty } from '../ui/states';
import { actorWords } from '../ui/words';
import type { CaseComment } from './case-documents';

const ADD_COMMENT = `
  mutation AddComment($input: AddIncidentCommentInput!) {
    addIncidentComment(input: $input) { id }
  }`;

/** The conversation on the case: support staff and the customer's own people, oldest first. */
export function CaseComments({
  incidentId,
  comments,
  zone,
  closed,
}: {
  incidentId: string;
  comments: CaseComment[];
  zone: string;
  closed: boolean;
}) {
  const [body, setBody] = useState('');
  const [state, add] = useMutation(ADD_COMMENT);
  const id = useId();
  // Called fire-and-forget from the form: urql's executor resolves (never rejects); a refusal is the result's error, shown on the page.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await add({ input: { incidentId, body: body.trim() } }, { additionalTypenames: ['Incident', 'IncidentComment'] });
    if (!result.error) setBody('');
  };
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      {comments.length === 0 ? (
        <Empty>No comments yet.</Empty>
      ) : (
        <ol className="plain comments">
          {comments.map((comment) => (
            <li key={comment.id} className="card comment">
              <p className="sub">
                {actorWords(comment.author)} · <LocalDateTime iso={comment.createdAt} zone={zone} />
              </p>
              <p className="comment-body">{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
      {!closed && (
        <form className="comment-form" onSubmit={(event) => void submit(event)}>
          <label htmlFor={id}>Your comment</label>
          <textarea id={id} rows={3} maxLength={5000} value={body} onChange={(event) => setBody(event.target.value)} required />
          <div>
            <button type="submit" disabled={state.fetching}>
              {state.fetching ? 'Adding…' : 'Add comment'}
            </button>
          </div>
          {state.error && <ApiErrorMessage error={state.error} prefix="Comment not added" />}
        </form>
      )}
    </section>
  );
}
