// The story page may come from a cache, where every reader is handed the same single-use form token: fetch one of
// this reader's own when they start writing. If the fetch fails, the rendered token is still sent.
(function () {
    var form = document.getElementById('comment-form');
    if (!form) return;
    var article = form.querySelector('input[name="Form.ArticleId"]');
    var token = form.querySelector('input[name="Form.Token"]');
    // The address comes from the page (the address book), not from this script.
    var tokenUrl = form.getAttribute('data-token-url');
    var asked = false;
    form.addEventListener('focusin', function () {
        if (asked || !article || !token || !tokenUrl) return;
        asked = true;
        fetch(tokenUrl + '?article=' + encodeURIComponent(article.value), { cache: 'no-store', credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (fresh) { if (fresh) token.value = fresh; })
            .catch(function () { asked = false; });
    });
})();
