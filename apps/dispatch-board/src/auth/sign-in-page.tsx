import { useId, useState, type FormEvent } from 'react';
import { tokenProblem } from './token-claims';

/** Sign-in with a planner's bearer token (the demo issuer prints one: npm run token -- DISPATCH_PLANNER <name>). */
export function SignInPage({ onSignIn }: { onSignIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = tokenProblem(token);
    setProblem(found);
    if (!found) onSignIn(token.trim());
  };
  return (
    <main className="sign-in">
      <h1>Dispatch board</h1>
      <form onSubmit={submit} aria-describedby={hintId}>
        <label htmlFor={fieldId}>Planner token</label>
        <p id={hintId} className="hint">
          Paste the bearer token issued to you as a dispatch planner (for the demo:{' '}
          <code>npm run token -- DISPATCH_PLANNER your-name</code>).
        </p>
        <textarea id={fieldId} name="token" rows={5} value={token} onChange={(event) => setToken(event.target.value)} required spellCheck={false} autoComplete="off" />
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
