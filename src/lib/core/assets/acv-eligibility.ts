/**
 * Who may nominate land as an asset of community value.
 *
 * A "community nomination" may be made by a parish council for land in its area, or by a
 * voluntary or community body with a local connection (Localism Act 2011 s.89(2)(b)). The bodies
 * that count are set out in reg. 5 of the Assets of Community Value (England) Regulations 2012
 * (SI 2012/2421), and "local connection" in reg. 4. We follow the explanatory note's numbering
 * (reg. 4 local connection, reg. 5 voluntary or community bodies); the paragraph letters inside
 * reg. 5 are not cited because we have not checked them against the published text.
 *
 * Pure: the form asks the questions, this decides and says why.
 */

/** The kind of body making the nomination, as the form asks it. */
export type NominatorKind =
	| 'parish_council'
	| 'neighbourhood_forum'
	| 'unincorporated_group'
	| 'charity'
	| 'community_interest_company'
	| 'company_limited_by_guarantee'
	| 'community_benefit_society'
	| 'other';

/** The answers to the eligibility questions. */
export type EligibilityAnswers = {
	kind: NominatorKind;
	/** Does its activities relate to the council's area (or a neighbouring one)? reg. 4. */
	isLocal: boolean;
	/** For an unincorporated group: members registered to vote in the area. */
	localElectorMembers?: number | null;
	/** Does it keep any surplus for its purposes rather than share it among members? */
	distributesNoSurplus?: boolean | null;
	/** For a parish council: is the land in its parish? s.89(2)(b)(i). */
	landInParish?: boolean | null;
};

/** Why a body may, or may not, nominate. */
export type EligibilityReason =
	| 'parish_council_in_area'
	| 'parish_council_outside_area'
	| 'neighbourhood_forum'
	| 'group_with_21_electors'
	| 'group_too_few_electors'
	| 'charity'
	| 'community_interest_company'
	| 'non_profit_company'
	| 'community_benefit_society'
	| 'distributes_surplus'
	| 'no_local_connection'
	| 'not_an_eligible_body';

/** The outcome: eligible or not, with the reason and its source. */
export type Eligibility = { isEligible: boolean; reason: EligibilityReason; citation: string };

/** Members registered to vote locally that an unincorporated group needs (reg. 5). */
export const MIN_LOCAL_ELECTORS = 21;

const VCB = 'Localism Act 2011 s.89(2)(b); SI 2012/2421 reg. 5';
const LOCAL = 'SI 2012/2421 reg. 4';

/**
 * Decides whether a body may make a community nomination, with the reason. Parish councils need
 * the land to be in their area; every other body needs a local connection, and (except a
 * neighbourhood forum and a charity, which are not-for-profit by definition) must not distribute
 * any surplus to its members.
 */
export function acvNominatorEligibility(answers: EligibilityAnswers): Eligibility {
	const yes = (reason: EligibilityReason, citation = VCB): Eligibility => ({
		isEligible: true,
		reason,
		citation
	});
	const no = (reason: EligibilityReason, citation = VCB): Eligibility => ({
		isEligible: false,
		reason,
		citation
	});

	if (answers.kind === 'parish_council') {
		return answers.landInParish === false
			? no('parish_council_outside_area', 'Localism Act 2011 s.89(2)(b)(i)')
			: yes('parish_council_in_area', 'Localism Act 2011 s.89(2)(b)(i)');
	}
	if (answers.kind === 'other') return no('not_an_eligible_body');
	if (!answers.isLocal) return no('no_local_connection', LOCAL);
	if (answers.kind === 'neighbourhood_forum') return yes('neighbourhood_forum');
	if (answers.kind === 'charity') return yes('charity');
	if (answers.distributesNoSurplus === false) return no('distributes_surplus');
	switch (answers.kind) {
		case 'unincorporated_group':
			return (answers.localElectorMembers ?? 0) >= MIN_LOCAL_ELECTORS
				? yes('group_with_21_electors')
				: no('group_too_few_electors');
		case 'community_interest_company':
			return yes('community_interest_company');
		case 'company_limited_by_guarantee':
			return yes('non_profit_company');
		case 'community_benefit_society':
			return yes('community_benefit_society');
	}
}
