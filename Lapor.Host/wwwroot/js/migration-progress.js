// Polls the migration batch's progress (a small JSON handler) until the batch is completed.
(() => {
    const box = document.getElementById('batch-progress');
    if (!box) return;
    const set = (id, value) => { const el = document.getElementById(id); if (el) el.textContent = value; };
    async function poll() {
        try {
            const response = await fetch(box.dataset.progressUrl, { headers: { Accept: 'application/json' } });
            if (response.ok) {
                const p = await response.json();
                set('batch-done', p.done);
                set('batch-failed', p.failed);
                set('batch-total', p.total);
                set('batch-state', p.stateText);
                const bar = document.getElementById('batch-bar');
                if (bar) bar.style.width = (p.total ? Math.round(100 * (p.done + p.failed) / p.total) : 100) + '%';
                const list = document.getElementById('batch-failures');
                if (list) {
                    list.replaceChildren(...p.failures.map(f => {
                        const li = document.createElement('li');
                        li.dataset.instance = f.instanceId;
                        li.title = f.instanceId;
                        li.textContent = f.code + ': ' + f.text;
                        return li;
                    }));
                }
                box.dataset.state = p.state;
                if (p.state !== 'Running') return;
            }
        } catch {
            // A failed poll is retried; the batch runs on the server regardless.
        }
        setTimeout(poll, 1500);
    }
    poll();
})();
