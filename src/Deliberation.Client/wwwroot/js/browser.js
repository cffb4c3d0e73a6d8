// What the browser says of its reader, for defaults she can change in the page.
window.deliberationBrowser = {
    language: () => navigator.language || "",
};
