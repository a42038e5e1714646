// Passkeys: asks the server for WebAuthn options, lets the browser talk to the authenticator, and submits the
// credential as JSON in the form's hidden field. Without WebAuthn support the buttons stay hidden.
(() => {
  const supported = window.PublicKeyCredential
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";
  if (!supported) return;

  const token = form => form.querySelector("input[name=__RequestVerificationToken]").value;

  async function fetchOptions(form, url) {
    const response = await fetch(url, {
      method: "POST",
      headers: { RequestVerificationToken: token(form) },
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error("The server did not give passkey options (" + response.status + ").");
    return response.json();
  }

  function wire(form, optionsUrl, makeCredential) {
    const button = form.querySelector("button[type=submit]");
    const field = form.querySelector("input[name=CredentialJson]");
    form.querySelector(".passkey-needs-script")?.remove();
    button.hidden = false;
    form.addEventListener("submit", async event => {
      if (field.value) return;
      event.preventDefault();
      button.disabled = true;
      try {
        const options = await fetchOptions(form, optionsUrl);
        const credential = await makeCredential(options);
        field.value = JSON.stringify(credential);
        form.submit();
      } catch (error) {
        button.disabled = false;
        alert(error.name === "NotAllowedError" ? "The passkey request was cancelled." : error.message);
      }
    });
  }

  const create = document.querySelector("form[data-passkey-create]");
  if (create)
    wire(create, "?handler=CreationOptions", options =>
      navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) }));

  const request = document.querySelector("form[data-passkey-sign-in]");
  if (request)
    wire(request, request.dataset.optionsUrl, options =>
      navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) }));
})();
