// The ballot page's live summary: as the voter ticks projects or types points, say where they
// stand ("You have chosen £22,000 of £50,000. £28,000 left.") in a polite live region, with a
// budget bar. The form works without it; this is the only script the ballot page loads, so the
// page stays small on a cheap phone. Messages come translated from the server in data-messages.
(() => {
	const box = document.querySelector('[data-ballot-summary]');
	const form = box && box.closest('form');
	if (!box || !form) return;
	const type = box.dataset.type;
	const budget = Number(box.dataset.budget);
	const points = Number(box.dataset.points);
	const messages = JSON.parse(box.dataset.messages);
	const text = box.querySelector('[aria-live]');
	const bar = box.querySelector('.ps-budget-bar');
	const fill = box.querySelector('.ps-budget-bar__fill');
	const currency = { style: 'currency', currency: 'GBP' };
	const pounds = new Intl.NumberFormat('en-GB', currency);
	const whole = new Intl.NumberFormat('en-GB', {
		...currency,
		minimumFractionDigits: 0,
		maximumFractionDigits: 0
	});
	const pence = (p) => (p % 100 === 0 ? whole : pounds).format(p / 100);
	const number = (n) => new Intl.NumberFormat('en-GB').format(n);
	const fillIn = (message, values) =>
		message.replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
	const ticked = () => [...form.querySelectorAll('input[name="projects"]:checked')];

	function update() {
		let message;
		let share = 0;
		if (type === 'knapsack') {
			const spent = ticked().reduce((sum, input) => sum + Number(input.dataset.cost), 0);
			share = spent / budget;
			message =
				spent > budget
					? fillIn(messages.over, { spent: pence(spent), over: pence(spent - budget) })
					: fillIn(messages.ok, { spent: pence(spent), left: pence(budget - spent) });
		} else if (type === 'cumulative') {
			const given = [...form.querySelectorAll('input[name^="points-"]')].reduce(
				(sum, input) => sum + (/^\s*\d+\s*$/.test(input.value) ? Number(input.value) : 0),
				0
			);
			share = given / points;
			message =
				given > points
					? fillIn(messages.over, { spent: number(given), over: number(given - points) })
					: fillIn(messages.ok, { spent: number(given), left: number(points - given) });
		} else {
			const n =
				type === 'approval'
					? ticked().length
					: [...form.querySelectorAll('select[name^="rank-"]')].filter((s) => s.value !== '')
							.length;
			message = n === 1 ? messages.one : messages.many.replace('99,999', number(n));
		}
		if (text.textContent !== message) text.textContent = message;
		bar.hidden = type !== 'knapsack' && type !== 'cumulative';
		fill.style.width = `${Math.min(share, 1) * 100}%`;
		fill.classList.toggle('ps-budget-bar__fill--over', share > 1);
	}

	form.addEventListener('input', update);
	form.addEventListener('change', update);
	box.hidden = false;
	update();
})();
