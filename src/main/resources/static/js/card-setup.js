// Link a card (console, /payments/card): Stripe.js shows the card fields (from Stripe, so card
// numbers never reach Linkledger) and confirms the page's SetupIntent, asking the cardholder to
// authenticate when the bank wants it. Then the form posts the SetupIntent's id, and the server
// links the card once Stripe says the SetupIntent succeeded.
(function () {
    const form = document.getElementById("card-form");
    if (!form) {
        return;
    }
    const message = document.getElementById("card-message");
    const button = document.getElementById("save-card");
    if (typeof window.Stripe !== "function") {
        message.textContent = "The card form could not load: Stripe.js (js.stripe.com) is not reachable. "
            + "Check your connection and reload the page.";
        return;
    }
    const stripe = window.Stripe(form.dataset.publishableKey);
    const card = stripe.elements().create("card");
    card.mount("#card-element");
    card.on("change", (event) => {
        message.textContent = event.error ? event.error.message : "";
    });
    button.disabled = false;
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        button.disabled = true;
        message.textContent = "";
        const holder = form.elements.cardHolder.value.trim();
        const result = await stripe.confirmCardSetup(form.dataset.clientSecret, {
            payment_method: {card: card, billing_details: holder ? {name: holder} : {}}
        });
        if (result.error) {
            message.textContent = result.error.message;
            button.disabled = false;
            return;
        }
        form.submit();
    });
})();
