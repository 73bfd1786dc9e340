// OpenPMO, oidc profile: "Log out" in Tasklist, Cockpit and Admin signs out here and at the identity provider
// (POST /logout, then the provider's end-session endpoint). Without the oidc profile /oidc/sign-out does not
// exist and the webapps keep their own log out.
(function () {
  const appRoot = document.querySelector('base').getAttribute('app-root');
  const baseUrl = document.location.href.substring(0, document.location.href.indexOf(appRoot));

  function signOut(event) {
    event.preventDefault();
    event.stopPropagation();
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = baseUrl + '/logout';
    document.body.appendChild(form);
    form.submit();
  }

  fetch(baseUrl + '/oidc/sign-out', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => {
      if (!response.ok) {
        return;
      }
      const observer = new MutationObserver(() => {
        const item = document.querySelector('li.account li.logout');
        if (!item) {
          return;
        }
        observer.disconnect();
        const old = item.getElementsByTagName('a')[0];
        // a clone carries none of the webapp's own listeners
        const link = old.cloneNode(true);
        link.setAttribute('href', '#');
        link.addEventListener('click', signOut);
        item.replaceChild(link, old);
      });
      observer.observe(document, { childList: true, subtree: true });
      // signed in by the provider: the webapps' own login page has nothing to offer
      if (window.location.hash === '#/login') {
        window.location.hash = '';
      }
    })
    .catch(() => {});
})();
