// What the browser says of its reader, for defaults she can change in the page.
window.deliberationBrowser = {
    language: () => navigator.language || "",
};

// The interface language a person chose on this browser (without an account to keep it), and the
// page's lang attribute, which follows the interface so assistive technology reads it right.
window.deliberationCulture = {
    stored: () => localStorage.getItem("deliberation.culture"),
    store: culture => localStorage.setItem("deliberation.culture", culture),
    setDocumentLanguage: culture => { document.documentElement.lang = culture; },
};
