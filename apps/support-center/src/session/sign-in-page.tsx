import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from '../routing';
import { demoSignIn, type AuthSettings, type DemoIdentity } from './auth-settings';
import { portalTokenProblem } from './sign-in-rules';

const DEMO_LABEL: Record<DemoIdentity, string> = {
  admin: 'Sign in as the demo customer admin',
  technician: 'Sign in as the demo designated technician',
};

/**
 * Customer admins and technicians sign in with the token their organisation's sign-in issues; in
 * development the portal's server also offers the demo customer's people with one click.
 */
export function SignInPage({
  settings,
  settingsError,
  onSignIn,
}: {
  settings: AuthSettings | null;
  settingsError: string | null;
  onSignIn: (token: string) => void;
}) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<DemoIdentity | null>(null);
  const fieldId = useId();
  const hintId = useId();
  useEffect(() => {
    document.title = 'Sign in · Online Support Center';
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = portalTokenProblem(token, settings?.issuer ?? 'polyplus');
    setProblem(found);
    if (!found) onSignIn(token.trim());
  };
  // Called fire-and-forget from the buttons: a failed sign-in is caught and shown.
  const demo = async (identity: DemoIdentity) => {
    setBusy(identity);
    setProblem(null);
    try {
      onSignIn((await demoSignIn(identity)).token);
    } catch (error) {
      setProblem((error as Error).message);
      setBusy(null);
    }
  };
  return (
    <main className="sign-in" id="main">
      <h1>Poly+ Online Support Center</h1>
      <p>
        For customer admins and designated technicians: your products and licences, service requests, parts replacements, onsite visits, the
        knowledge base and software downloads.
      </p>
      {settingsError && (
        <p role="alert" className="banner banner-error">
          {settingsError}
        </p>
      )}
      {settings?.demoSignIn && (
        <section aria-labelledby="demo-heading" className="demo-sign-in">
          <h2 id="demo-heading">Development sign-in</h2>
          <p className="hint">This server runs outside production and issues development tokens for the demo customer.</p>
          <div className="button-row">
            {settings.demoIdentities.map((identity) => (
              <button key={identity} type="button" onClick={() => void demo(identity)} disabled={busy !== null}>
                {busy === identity ? 'Signing in…' : DEMO_LABEL[identity]}
              </button>
            ))}
          </div>
        </section>
      )}
      <form onSubmit={submit} aria-describedby={hintId} className="token-form">
        <h2>Sign in with your access token</h2>
        <label htmlFor={fieldId}>Access token</label>
        <p id={hintId} className="hint">
          Paste the token your organisation’s sign-in issued you{settings ? ` (issuer ${settings.issuer})` : ''}. It stays in this browser
          tab and goes only to the support service.
        </p>
        <textarea
          id={fieldId}
          name="token"
          rows={4}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          required
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit">Sign in</button>
      </form>
      {problem && (
        <p role="alert" className="banner banner-error">
          {problem}
        </p>
      )}
      <p className="public-links">
        Without signing in: <Link to="/support-directory">contact support (regional numbers, chat, web and video)</Link> ·{' '}
        <Link to="/replacement-terms">advance-replacement terms by country</Link>
      </p>
    </main>
  );
}
