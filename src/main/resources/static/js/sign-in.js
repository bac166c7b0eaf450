// The sign-in page keeps the email typed when the password was wrong: the failed sign-in comes
// back as a new page (/login?error), so the form remembers the email for this tab only.
(() => {
    const form = document.getElementById("sign-in-form");
    const email = document.getElementById("username");
    if (!form || !email) {
        return;
    }
    const key = "linkledger.sign-in.email";
    if (form.dataset.failed === "true" && !email.value) {
        email.value = sessionStorage.getItem(key) || "";
        if (email.value) {
            document.getElementById("password").focus();
        }
    } else {
        sessionStorage.removeItem(key);
    }
    form.addEventListener("submit", () => sessionStorage.setItem(key, email.value));
})();
