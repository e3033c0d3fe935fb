import { useId, useState, type FormEvent } from 'react';
import { demoPlannerSignIn } from './demo-sign-in';
import { tokenProblem } from './token-claims';

type SignInPageProps = {
  onSignIn: (token: string) => void;
  /** The server offers the development sign-in as the demo planner (never in production). */
  demoSignIn: boolean;
  /** Why an automatic sign-in did not happen, if it did not. */
  problem: string | null;
};

/** Sign-in with a planner's bearer token (the demo issuer prints one: npm run token -- DISPATCH_PLANNER <name>). */
export function SignInPage({ onSignIn, demoSignIn, problem: outerProblem }: SignInPageProps) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = tokenProblem(token);
    setProblem(found);
    if (!found) onSignIn(token.trim());
  };
  const demo = () => {
    setBusy(true);
    setProblem(null);
    demoPlannerSignIn().then(onSignIn, (error: Error) => {
      setProblem(error.message);
      setBusy(false);
    });
  };
  const shown = problem ?? outerProblem;
  return (
    <main className="sign-in">
      <h1>Dispatch board</h1>
      {demoSignIn && (
        <section aria-labelledby="demo-heading">
          <h2 id="demo-heading">Development sign-in</h2>
          <p className="hint">This server runs outside production and issues development tokens for the demo planner.</p>
          <button type="button" onClick={demo} disabled={busy}>
            {busy ? 'Opening the board…' : 'Continue as the demo planner'}
          </button>
        </section>
      )}
      <form onSubmit={submit} aria-describedby={hintId}>
        <label htmlFor={fieldId}>Planner token</label>
        <p id={hintId} className="hint">
          Paste the bearer token issued to you as a dispatch planner (for the demo: <code>npm run token -- DISPATCH_PLANNER your-name</code>
          ).
        </p>
        <textarea
          id={fieldId}
          name="token"
          rows={5}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          required
          spellCheck={false}
          autoComplete="off"
        />
        {shown && (
          <p role="alert" className="error">
            {shown}
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
