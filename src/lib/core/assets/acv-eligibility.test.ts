import { describe, expect, it } from 'vitest';
import { acvNominatorEligibility, type EligibilityAnswers } from './acv-eligibility';

describe('acvNominatorEligibility', () => {
	it.each<[string, EligibilityAnswers, boolean, string]>([
		[
			'a parish council for land in its parish',
			{ kind: 'parish_council', isLocal: true, landInParish: true },
			true,
			'parish_council_in_area'
		],
		[
			'a parish council for land elsewhere',
			{ kind: 'parish_council', isLocal: true, landInParish: false },
			false,
			'parish_council_outside_area'
		],
		[
			'a neighbourhood forum',
			{ kind: 'neighbourhood_forum', isLocal: true },
			true,
			'neighbourhood_forum'
		],
		[
			'a group with 21 local electors',
			{
				kind: 'unincorporated_group',
				isLocal: true,
				localElectorMembers: 21,
				distributesNoSurplus: true
			},
			true,
			'group_with_21_electors'
		],
		[
			'a group with 20 local electors',
			{
				kind: 'unincorporated_group',
				isLocal: true,
				localElectorMembers: 20,
				distributesNoSurplus: true
			},
			false,
			'group_too_few_electors'
		],
		[
			'a group that shares its surplus',
			{
				kind: 'unincorporated_group',
				isLocal: true,
				localElectorMembers: 40,
				distributesNoSurplus: false
			},
			false,
			'distributes_surplus'
		],
		['a local charity', { kind: 'charity', isLocal: true }, true, 'charity'],
		[
			'a charity with no local connection',
			{ kind: 'charity', isLocal: false },
			false,
			'no_local_connection'
		],
		[
			'a CIC',
			{ kind: 'community_interest_company', isLocal: true, distributesNoSurplus: true },
			true,
			'community_interest_company'
		],
		[
			'a non-profit company limited by guarantee',
			{ kind: 'company_limited_by_guarantee', isLocal: true, distributesNoSurplus: true },
			true,
			'non_profit_company'
		],
		[
			'a company that pays dividends',
			{ kind: 'company_limited_by_guarantee', isLocal: true, distributesNoSurplus: false },
			false,
			'distributes_surplus'
		],
		[
			'a community benefit society',
			{ kind: 'community_benefit_society', isLocal: true, distributesNoSurplus: true },
			true,
			'community_benefit_society'
		],
		['any other body', { kind: 'other', isLocal: true }, false, 'not_an_eligible_body']
	])('%s', (_name, answers, isEligible, reason) => {
		expect(acvNominatorEligibility(answers)).toMatchObject({ isEligible, reason });
	});
});
