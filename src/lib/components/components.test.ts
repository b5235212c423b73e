import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Checkboxes from './Checkboxes.svelte';
import ErrorSummary from './ErrorSummary.svelte';
import Pagination from './Pagination.svelte';
import Radios from './Radios.svelte';
import Select from './Select.svelte';
import SummaryList from './SummaryList.svelte';
import TextInput from './TextInput.svelte';

describe('form components rendered on the server', () => {
	it('keeps a text input value and links the hint and error to it', () => {
		const { body } = render(TextInput, {
			props: {
				name: 'email',
				label: 'Email address',
				hint: 'Hint',
				error: 'Enter your email address',
				value: 'amira@'
			}
		});
		expect(body).toContain('value="amira@"');
		expect(body).toContain('aria-describedby="email-hint email-error"');
		expect(body).toContain('govuk-form-group--error');
		expect(body).toMatch(
			/<span class="govuk-visually-hidden">Error:<\/span>\s*Enter your email address/
		);
	});

	it('gives the first radio the group name as its id so an error summary can link to it', () => {
		const { body } = render(Radios, {
			props: {
				name: 'ballot',
				legend: 'How will people vote?',
				items: [
					{ value: 'approval', text: 'Approval' },
					{ value: 'knapsack', text: 'Knapsack' }
				],
				value: 'knapsack'
			}
		});
		expect(body).toContain('id="ballot"');
		expect(body).toContain('id="ballot-2"');
		expect(body).toMatch(/value="knapsack"[^>]*checked/);
		expect(body).not.toMatch(/value="approval"[^>]*checked/);
	});

	it('keeps ticked checkboxes and the chosen select option', () => {
		const boxes = render(Checkboxes, {
			props: {
				name: 'topics',
				legend: 'Topics',
				items: [
					{ value: 'a', text: 'A' },
					{ value: 'b', text: 'B' }
				],
				values: ['b']
			}
		}).body;
		expect(boxes).toMatch(/value="b"[^>]*checked/);
		expect(boxes).not.toMatch(/value="a"[^>]*checked/);

		const select = render(Select, {
			props: { name: 'ward', label: 'Ward', items: [{ value: 'x', text: 'X' }], value: 'x' }
		}).body;
		expect(select).toMatch(/<option value="x" selected/);
	});

	it('lists each error as a link to its field', () => {
		const { body } = render(ErrorSummary, {
			props: { errors: [{ field: 'email', message: 'Enter your email address' }] }
		});
		expect(body).toContain('There is a problem');
		expect(body).toContain('<a href="#email">Enter your email address</a>');
		expect(render(ErrorSummary, { props: { errors: [] } }).body).not.toContain(
			'govuk-error-summary'
		);
	});

	it('paginates with plain links and marks the current page', () => {
		const { body } = render(Pagination, { props: { currentPage: 2, totalPages: 3 } });
		expect(body).toContain('href="?page=1"');
		expect(body).toContain('rel="next"');
		expect(body).toMatch(/href="\?page=2"[^>]*aria-current="page"/);
		expect(render(Pagination, { props: { currentPage: 1, totalPages: 1 } }).body).not.toContain(
			'<nav'
		);
	});

	it('reads the row name after "Change" for screen readers', () => {
		const { body } = render(SummaryList, {
			props: { rows: [{ key: 'Name', value: 'Amira', href: '/name' }] }
		});
		expect(body).toContain('Change<span class="govuk-visually-hidden"> name</span>');
	});
});
