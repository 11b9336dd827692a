(() => {
    // Show only the fields that belong to the chosen option; all stay in the form (the server decides what is required).
    const form = document.getElementById('formulir-tugas');
    const choice = form?.dataset.choiceField;
    if (!choice) return;
    const sync = () => {
        const picked = form.querySelector(`input[name="${choice}"]:checked`)?.value;
        form.querySelectorAll('[data-show-for]').forEach(el => {
            if (!el.dataset.showFor) return; // always shown
            el.hidden = !!picked && !el.dataset.showFor.split(' ').includes(picked);
        });
    };
    form.addEventListener('change', sync);
    sync();
})();
