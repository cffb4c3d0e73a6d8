// The browser's half of a passkey ceremony (docs/security.md): the server's WebAuthn options in,
// the credential out as JSON, for ASP.NET Core Identity to check. Binary fields travel as
// base64url, as the WebAuthn JSON forms define them.
window.deliberationPasskeys = (() => {
    const toBytes = (text) => {
        const base64 = text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "=");
        return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    };
    const toText = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const withBytes = (list) => (list || []).map((c) => ({ ...c, id: toBytes(c.id) }));

    const credentialJson = (credential) => {
        if (typeof credential.toJSON === "function")
            return JSON.stringify(credential.toJSON());
        const response = credential.response;
        const json = {
            id: credential.id,
            rawId: toText(credential.rawId),
            type: credential.type,
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment,
            response: { clientDataJSON: toText(response.clientDataJSON) },
        };
        if (response.attestationObject) {
            json.response.attestationObject = toText(response.attestationObject);
            json.response.transports = response.getTransports ? response.getTransports() : [];
        } else {
            json.response.authenticatorData = toText(response.authenticatorData);
            json.response.signature = toText(response.signature);
            json.response.userHandle = response.userHandle ? toText(response.userHandle) : null;
        }
        return JSON.stringify(json);
    };

    return {
        supported: () => typeof window.PublicKeyCredential === "function",
        create: async (optionsJson) => {
            const options = JSON.parse(optionsJson);
            options.challenge = toBytes(options.challenge);
            options.user.id = toBytes(options.user.id);
            options.excludeCredentials = withBytes(options.excludeCredentials);
            return credentialJson(await navigator.credentials.create({ publicKey: options }));
        },
        get: async (optionsJson) => {
            const options = JSON.parse(optionsJson);
            options.challenge = toBytes(options.challenge);
            options.allowCredentials = withBytes(options.allowCredentials);
            return credentialJson(await navigator.credentials.get({ publicKey: options }));
        },
    };
})();
