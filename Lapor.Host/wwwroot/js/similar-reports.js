// Similar open reports while a title is typed on /Laporan/Buat (decision 022): asks once per pause in typing, shows
// at most what the server sends, and never stops the citizen from submitting.
(() => {
    "use strict";
    const box = document.getElementById("laporan-serupa");
    const title = document.getElementById("Form_Title");
    if (!box || !title || !window.fetch) return;
    const list = box.querySelector("[data-similar-list]");
    const category = document.getElementById("Form_CategoryCode");
    const latitude = document.getElementById("Form_Latitude");
    const longitude = document.getElementById("Form_Longitude");
    const minimum = 4;
    let timer = 0;
    let asked = "";

    const number = input => {
        const text = (input?.value || "").trim().replace(",", ".");
        return text !== "" && Number.isFinite(Number(text)) ? text : "";
    };

    const show = items => {
        list.replaceChildren(...items.map(item => {
            const li = document.createElement("li");
            li.className = "mb-2";
            const link = document.createElement("a");
            link.href = item.url;
            link.target = "_blank";
            link.rel = "noopener";
            link.className = "fw-semibold text-break";
            link.textContent = item.title;
            const meta = document.createElement("div");
            meta.className = "text-muted";
            meta.textContent = `${item.trackingCode} · ${item.stage} · ${box.dataset.submitted} ${new Date(item.submittedAt).toLocaleDateString(document.documentElement.lang || "id")}`;
            const follow = document.createElement("a");
            follow.href = item.url;
            follow.target = "_blank";
            follow.rel = "noopener";
            follow.textContent = box.dataset.follow;
            li.append(link, meta, follow);
            return li;
        }));
        box.hidden = items.length === 0;
    };

    const ask = async () => {
        const text = title.value.trim();
        if (text.length < minimum) { asked = ""; show([]); return; }
        const query = new URLSearchParams({ title: text });
        if (category?.value) query.set("category", category.value);
        const lat = number(latitude), lon = number(longitude);
        if (lat && lon) { query.set("lat", lat); query.set("lon", lon); }
        const url = `${box.dataset.endpoint}?${query}`;
        if (url === asked) return;
        asked = url;
        try {
            const response = await fetch(url, { headers: { Accept: "application/json", "Accept-Language": document.documentElement.lang || "id" } });
            // A refused or failed request (e.g. the rate limit) just shows nothing; the form is unaffected.
            if (!response.ok || url !== asked) return;
            show((await response.json()).items || []);
        } catch {
            show([]);
        }
    };

    const later = () => { clearTimeout(timer); timer = setTimeout(ask, 400); };
    title.addEventListener("input", later);
    [category, latitude, longitude].forEach(el => el?.addEventListener("change", later));
    if (title.value.trim().length >= minimum) later();
})();
