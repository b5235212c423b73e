/**
 * English messages for assets of community value. Every key starts with `acv.`.
 */
export const acv = {
	// States, in plain English.
	'acv.state.not_nominated': 'Not nominated',
	'acv.state.nominated': 'Nominated – awaiting decision',
	'acv.state.decision_overdue': 'Decision overdue',
	'acv.state.not_listed': 'Not listed',
	'acv.state.listed': 'Listed',
	'acv.state.interim_moratorium': 'Interim moratorium',
	'acv.state.full_moratorium': 'Full moratorium',
	'acv.state.protected_period': 'Protected period',
	'acv.state.expired': 'Listing expired',
	'acv.state.removed': 'Removed from the list',

	'acv.explain.not_nominated': 'Nobody has nominated this asset as an asset of community value.',
	'acv.explain.nominated':
		'The council received a nomination on {since} and must decide by {until} whether to list it.',
	'acv.explain.decision_overdue':
		'The council should have decided by {due} whether to list this asset. The decision is overdue.',
	'acv.explain.not_listed': 'The council decided on {since} not to list this asset.',
	'acv.explain.listed':
		'This asset is on the council’s list of assets of community value until {until}. If the owner wants to sell it, they must tell the council first.',
	'acv.explain.interim_moratorium':
		'The owner has told the council they want to sell. Until {until} the owner cannot sell, and a community group can ask to be treated as a potential bidder.',
	'acv.explain.full_moratorium':
		'A community group has asked to bid. The owner cannot sell to anyone else until {until}, which gives the group time to raise the money.',
	'acv.explain.protected_period':
		'The moratorium is over. The owner is free to sell to anyone until {until}, and no new moratorium can start before then.',
	'acv.explain.expired': 'The listing ended on {expiry}. The asset can be nominated again.',
	'acv.explain.removed': 'The council removed this asset from the list on {since}.',

	// Deadlines and the rules behind them.
	'acv.deadline.decision_due': 'Decision due',
	'acv.deadline.listing_expires': 'Listing ends',
	'acv.deadline.interim_moratorium_ends': 'Interim moratorium ends',
	'acv.deadline.full_moratorium_ends': 'Full moratorium ends',
	'acv.deadline.protected_period_ends': 'Protected period ends',
	'acv.rule.decision_due': '8 weeks beginning with the day the nomination was received',
	'acv.rule.listing_expires': '5 years beginning with the day the asset was listed',
	'acv.rule.interim_moratorium_ends':
		'6 weeks beginning with the day the council received the owner’s notice',
	'acv.rule.full_moratorium_ends':
		'6 months beginning with the day the council received the owner’s notice',
	'acv.rule.protected_period_ends':
		'18 months beginning with the day the council received the owner’s notice',
	'acv.next': 'Next date: {deadline} on {date}',

	// Recorded events.
	'acv.event.nominated': 'Nomination received from {group}',
	'acv.event.listed': 'Listed as an asset of community value',
	'acv.event.not_listed': 'Decided not to list',
	'acv.event.notice': 'Owner’s notice of a sale received by the council',
	'acv.event.bidRequest': '{group} asked to be treated as a potential bidder',
	'acv.event.bidRequestLate':
		'{group} asked to be treated as a potential bidder, after the interim moratorium ended, so no full moratorium started',
	'acv.event.exempt': 'Exempt disposal: {exemption}. No moratorium applies.',
	'acv.event.completed': 'Sale completed',
	'acv.event.removed': 'Removed from the list',
	'acv.event.rule': 'Rule: {rule} ({citation})',

	// Eligibility reasons.
	'acv.eligibility.parish_council_in_area': 'A parish council can nominate land in its parish.',
	'acv.eligibility.parish_council_outside_area':
		'A parish council can only nominate land in its own parish.',
	'acv.eligibility.neighbourhood_forum': 'A local neighbourhood forum can nominate.',
	'acv.eligibility.group_with_21_electors':
		'A group with at least 21 members registered to vote locally can nominate.',
	'acv.eligibility.group_too_few_electors':
		'A group that is not a charity or a company needs at least 21 members registered to vote in the area.',
	'acv.eligibility.charity': 'A local charity can nominate.',
	'acv.eligibility.community_interest_company': 'A local community interest company can nominate.',
	'acv.eligibility.non_profit_company':
		'A local company limited by guarantee that does not share its profits can nominate.',
	'acv.eligibility.community_benefit_society':
		'A local community benefit society that does not share its profits can nominate.',
	'acv.eligibility.distributes_surplus':
		'Only bodies that do not share their profits among their members can nominate.',
	'acv.eligibility.no_local_connection':
		'The group must work in the council’s area, or a neighbouring one, to nominate.',
	'acv.eligibility.not_an_eligible_body':
		'Only parish councils, neighbourhood forums, local groups of 21 or more voters, charities, community interest companies, non-profit companies and community benefit societies can nominate.',

	// Validation.
	'acv.validation.tooLong': 'Enter fewer characters',
	'acv.validation.asset': 'Choose an asset',
	'acv.validation.organisation': 'Select the group making the nomination',
	'acv.validation.kind': 'Select what kind of group it is',
	'acv.validation.isLocal': 'Select yes if the group works in this area',
	'acv.validation.members':
		'Enter how many members are registered to vote in the area, as a number',
	'acv.validation.reasons': 'Enter why the asset matters to the community',
	'acv.validation.nomination': 'Choose a nomination',
	'acv.validation.decision': 'Select whether to list the asset',
	'acv.validation.decisionReasons': 'Enter the reasons for the decision',
	'acv.validation.date': 'Enter a real date',
	'acv.validation.group': 'Select the group, or enter its name',
	'acv.validation.exemption': 'Enter which exemption applies',

	// Mail.
	'acv.mail.reminderSubject': '{asset}: {deadline} on {date}',
	'acv.mail.reminderBody':
		'{days, plural, =0 {Today} one {In # day} other {In # days}}: {deadline} for {asset}, an asset of community value, on {date}.\n\nSee every date and the rule behind it: {url}',

	// Pages.
	'acv.title': 'Asset of community value',
	'acv.pageTitle': '{asset}: asset of community value',
	'acv.about':
		'Communities can ask the council to list buildings and land that matter to them. If the owner of a listed asset wants to sell it, local groups get time to raise money and bid (Localism Act 2011).',
	'acv.reference': 'Reference',
	'acv.nominatedBy': 'Nominated by',
	'acv.nominationReasons': 'Why it matters',
	'acv.decisionReasons': 'Reasons for the decision',
	'acv.interestedGroups': 'Groups asking to bid',
	'acv.timeline': 'Dates',
	'acv.timelineCaption': 'Dates for {asset}, with the rule behind each',
	'acv.col.date': 'Date',
	'acv.col.what': 'What happens',
	'acv.col.rule': 'Rule',
	'acv.pending': 'to come',
	'acv.notNominated': 'This asset has not been nominated as an asset of community value.',
	'acv.actions': 'What you can do',
	'acv.action.nominate': 'Nominate this asset',
	'acv.action.decide': 'Decide the nomination',
	'acv.action.notice': 'Record an owner’s notice of a sale',
	'acv.action.bidRequest': 'Record a request to bid',
	'acv.action.exempt': 'Record an exempt disposal',
	'acv.back': 'Back to the asset of community value',
	'acv.saved.nominated': 'Nomination sent. The council must decide by {date}.',
	'acv.saved.decided': 'Decision recorded.',
	'acv.saved.notice': 'Owner’s notice recorded.',
	'acv.saved.bidRequest': 'Request to bid recorded.',
	'acv.saved.bidRequestLate':
		'Request recorded, but it came after the interim moratorium ended, so no full moratorium starts.',
	'acv.saved.exempt': 'Exempt disposal recorded.',
	'acv.submit': 'Save',

	'acv.nominate.title': 'Nominate {asset} as an asset of community value',
	'acv.nominate.lead':
		'Tell the council who is nominating and why the asset matters. The council then has 8 weeks to decide.',
	'acv.nominate.organisation': 'Which group is nominating?',
	'acv.nominate.noOrganisations':
		'You do not look after any group here. Ask an organiser to add your group first.',
	'acv.nominate.kind': 'What kind of group is it?',
	'acv.nominate.kind.parish_council': 'Parish or town council',
	'acv.nominate.kind.neighbourhood_forum': 'Neighbourhood forum',
	'acv.nominate.kind.unincorporated_group': 'Community group that is not a company or charity',
	'acv.nominate.kind.charity': 'Charity',
	'acv.nominate.kind.community_interest_company': 'Community interest company (CIC)',
	'acv.nominate.kind.company_limited_by_guarantee': 'Company limited by guarantee',
	'acv.nominate.kind.community_benefit_society':
		'Community benefit society or co-operative (industrial and provident society)',
	'acv.nominate.kind.other': 'Something else',
	'acv.nominate.isLocal': 'Does the group work in this council’s area, or a neighbouring one?',
	'acv.nominate.members': 'How many members are registered to vote in the area?',
	'acv.nominate.membersHint': 'Only for a community group that is not a company or charity.',
	'acv.nominate.surplus':
		'Does the group spend any profit on its aims, rather than share it among members?',
	'acv.nominate.landInParish': 'For a parish or town council: is the asset in your parish?',
	'acv.nominate.reasons':
		'How does the asset further the social wellbeing or interests of the community?',
	'acv.nominate.reasonsHint':
		'For example, what people use it for, who uses it, and how that could continue.',
	'acv.yes': 'Yes',
	'acv.no': 'No',
	'acv.notApplicable': 'Does not apply',

	'acv.decide.title': 'Decide the nomination of {asset}',
	'acv.decide.lead': 'Received on {date} from {group}. The decision is due by {due}.',
	'acv.decide.noPending': 'There is no nomination waiting for a decision.',
	'acv.decide.decision': 'Should the asset be listed?',
	'acv.decide.listed': 'Yes, list it as an asset of community value',
	'acv.decide.notListed': 'No, do not list it',
	'acv.decide.date': 'Date of the decision',
	'acv.decide.reasons': 'Reasons for the decision',
	'acv.decide.reasonsHint': 'These are published and sent to the group and the owner.',

	'acv.notice.title': 'Record an owner’s notice of a sale of {asset}',
	'acv.notice.lead':
		'Enter the date the council received the owner’s written notice. Every moratorium date counts from it.',
	'acv.notice.date': 'Date the council received the notice',
	'acv.notice.owner': 'Owner’s name (optional)',
	'acv.notice.notes': 'Notes (optional)',

	'acv.bid.title': 'Record a request to bid for {asset}',
	'acv.bid.lead':
		'A community group can ask, in writing, to be treated as a potential bidder. A request received by {date} starts the full moratorium.',
	'acv.bid.leadNoNotice':
		'A community group can ask to bid once the owner has given notice of a sale.',
	'acv.bid.organisation': 'Which group is asking?',
	'acv.bid.groupName': 'Or, a group not on Powershare: its name',
	'acv.bid.date': 'Date the council received the request',

	'acv.exempt.title': 'Record an exempt disposal of {asset}',
	'acv.exempt.lead':
		'Some disposals need no moratorium, such as a gift, an inheritance, a transfer between family members or the sale of a business as a going concern.',
	'acv.exempt.date': 'Date of the disposal',
	'acv.exempt.exemption': 'Which exemption applies?',
	'acv.exempt.notes': 'Notes (optional)',

	'acv.date.hint': 'For example, 27 3 2025',

	'acv.list.title': 'Assets of community value',
	'acv.list.download': 'Download the list (CSV, planning data format)'
} as const;
