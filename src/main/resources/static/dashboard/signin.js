/*
 * OpenPMO: how the dashboard's pages sign in (portfolio, "My requests", one request).
 * With the bank's identity provider (oidc profile) they use the sign-in of Tasklist and Cockpit: /oidc/session says
 * who is signed in to this browser, a person who is not goes through the provider (/oidc/sign-in?to=<this page>)
 * and comes back, the API is called with the session (no password, no token in the page), and "Log out" ends the
 * session here and at the provider. Without a provider (/oidc/session does not exist), the pages log in with
 * HTTP Basic: user id and password typed into the page.
 */
window.OpenPmoSignIn = (function () {
  'use strict';

  const BASE = location.pathname.replace(/\/dashboard(\/.*)?$/, '');
  /** The token of a page signed in through the provider: the browser's session, no Authorization header. */
  const SESSION = 'provider-session';

  /** {provider: false} for HTTP Basic; {provider: true, userId (or null), signIn, signOut} with the provider. */
  async function probe() {
    try {
      const res = await fetch(BASE + '/oidc/session', {
        headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store',
      });
      if (!res.ok) return { provider: false };
      const session = await res.json();
      if (typeof session.signedIn !== 'boolean') return { provider: false };
      return { provider: true, userId: session.signedIn ? session.userId : null, signIn: session.signIn,
        signOut: session.signOut };
    } catch (e) {
      return { provider: false };
    }
  }

  /** fetch options for an API call: Basic credentials, or the session (a script call of this site). */
  function request(token, accept) {
    const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: accept || 'application/json' };
    if (token === SESSION) return { headers, credentials: 'same-origin', cache: 'no-store' };
    // credentials: 'omit' keeps the browser from showing its own Basic login dialog on a 401.
    headers.Authorization = 'Basic ' + token;
    return { headers, credentials: 'omit', cache: 'no-store' };
  }

  /** Turns the page's login form into "sign in through the provider", back to this page. */
  function useProvider(form, session) {
    for (const el of form.querySelectorAll('label, input')) el.hidden = true;
    const note = form.querySelector('p');
    if (note) note.textContent = 'Sign in with your organisation\'s account, as in Tasklist. You come back here.';
    const button = form.querySelector('button[type=submit]');
    if (button) button.textContent = 'Sign in with your organisation\'s account';
    form.addEventListener('submit', e => {
      e.preventDefault();
      e.stopImmediatePropagation();
      const here = location.pathname.slice(BASE.length) + location.search;
      location.href = BASE + session.signIn + '?to=' + encodeURIComponent(here);
    }, true);
  }

  /** Signs out here and at the provider (a form POST, as Tasklist's "Log out"). */
  function signOut(session) {
    const form = document.createElement('form');
    form.method = session.signOut.method;
    form.action = BASE + session.signOut.path;
    document.body.append(form);
    form.submit();
  }

  return { SESSION, probe, request, useProvider, signOut };
})();
