/**
 * English messages for participatory budgeting results: the public results page, the organiser's
 * counting page with previews under other rules, the Pabulib export and import. Every key starts
 * with `budgeting.results.`.
 */
export const budgetingResults = {
	'budgeting.results.title': 'Results: {title}',
	'budgeting.results.back': 'Back to the process',
	'budgeting.results.open':
		'Voting is still open. The results will appear here once voting has closed and the votes have been counted.',
	'budgeting.results.counting': 'Counting…',
	'budgeting.results.countingBody':
		'Voting has closed and the votes are being counted. Refresh this page in a minute to see the results.',
	'budgeting.results.refresh': 'Refresh',
	'budgeting.results.imported':
		'This process was imported from the open data file {file} for research and demonstration. Its ballots were not cast here.',

	'budgeting.results.summary.heading': 'The result',
	'budgeting.results.summary.budget': 'Budget',
	'budgeting.results.summary.spent': 'Spent on winning projects',
	'budgeting.results.summary.left': 'Not spent',
	'budgeting.results.summary.ballots': 'Ballots counted',
	'budgeting.results.summary.rule': 'Counting rule',
	'budgeting.results.summary.counted': 'Counted on',

	'budgeting.results.winners.caption': 'Projects that will be funded',
	'budgeting.results.winners.none': 'No project could be funded.',
	'budgeting.results.col.project': 'Project',
	'budgeting.results.col.cost': 'Cost',
	'budgeting.results.col.votes': 'Votes',
	'budgeting.results.col.points': 'Points',
	'budgeting.results.col.outcome': 'Result',
	'budgeting.results.funded': 'Funded',
	'budgeting.results.notFunded': 'Not funded',
	'budgeting.results.projectLabel': '{number}. {title}',

	'budgeting.results.why.heading': 'Why each project won or lost',
	'budgeting.results.why.lead':
		'For every project on the ballot, in the order it appeared, this is what decided it.',
	'budgeting.results.why.meta': 'Cost {cost}. {votes}.',
	'budgeting.results.why.votes': '{count, plural, one {# vote} other {# votes}}',
	'budgeting.results.why.points': '{count, plural, one {# point} other {# points}}',

	'budgeting.results.rule.heading': 'How the votes were counted',
	'budgeting.results.rule.mes':
		'The Method of Equal Shares. The budget is shared equally between everyone who voted. A project is funded when the people who voted for it can pay for it together from their shares, and projects that need the least from each supporter go first. This stops one large group from winning everything: every group of voters gets a fair part of the budget. When no further project can be paid for this way, everyone’s share is raised a penny at a time for as long as the winning projects still fit in the budget.',
	'budgeting.results.rule.greedy':
		'Most votes first. Projects are lined up from the most votes to the fewest. Each project is funded if its cost fits in the money still left; a project that does not fit is skipped and the next one is tried.',
	'budgeting.results.rule.phragmen':
		'Sequential Phragmén. Voters earn money for their projects at the same steady rate; the first project whose supporters have together earned its cost is funded, and its cost is taken from them. Counting stops at the first project that would go over the budget.',
	'budgeting.results.rule.ties.votes-cost-id':
		'Exact ties were broken in favour of the project with more votes, then the cheaper one, then by project number.',
	'budgeting.results.rule.ties.cost-votes-id':
		'Exact ties were broken in favour of the cheaper project, then the one with more votes, then by project number.',
	'budgeting.results.rule.ties.id': 'Exact ties were broken in favour of the lower project number.',
	'budgeting.results.rule.ballot.ranked':
		'Voters ranked projects. Each ranking was counted as points: with up to {max} choices, a first choice got {max} points, a second {second}, and so on down to 1 point for the last place allowed.',
	'budgeting.results.rule.ballot.cumulative':
		'Voters spread points across projects; a project’s votes are the points it received.',
	'budgeting.results.rule.ballot.approval': 'Voters chose the projects they supported.',
	'budgeting.results.rule.ballot.knapsack':
		'Voters chose projects whose total cost fitted within the budget.',

	'budgeting.results.turnout.heading': 'Who took part',
	'budgeting.results.turnout.total':
		'{count, plural, one {# person voted} other {# people voted}}.',
	'budgeting.results.turnout.none':
		'How people voted is not recorded for this process, so turnout cannot be shown.',
	'budgeting.results.turnout.channelCaption': 'How people voted',
	'budgeting.results.turnout.placeCaption': 'Where voters live',
	'budgeting.results.turnout.col.channel': 'How',
	'budgeting.results.turnout.col.place': 'Area',
	'budgeting.results.turnout.col.people': 'People',
	'budgeting.results.turnout.col.share': 'Share',
	'budgeting.results.turnout.unknownPlace': 'Not known',
	'budgeting.results.channel.online_account': 'Online, signed in',
	'budgeting.results.channel.online_code': 'Online, with a voting code',
	'budgeting.results.channel.paper': 'On paper',

	'budgeting.results.check.heading': 'Check the count yourself',
	'budgeting.results.check.lead':
		'The ballots were frozen when they were counted. Download them as an open data file (Pabulib format, amounts in pence) and count them again with free software.',
	'budgeting.results.check.download': 'Download the ballots and results (.pb file)',
	'budgeting.results.check.hash': 'Fingerprint of the ballots (SHA-256)',
	'budgeting.results.check.recount':
		'To recount, with Powershare installed, run the command below. The file names the rule and tie-break the count used, so no options are needed:',
	'budgeting.results.check.rehash':
		'To check the file holds exactly the ballots that were counted, compute its fingerprint; it must match the one above:',
	'budgeting.results.check.secrecy':
		'The file holds what was voted, never who voted: ballots are sorted by what they say, and voter numbers are only positions in that list.',

	'budgeting.results.admin.title': 'Counting and results: {title}',
	'budgeting.results.admin.back': 'Back to the process settings',
	'budgeting.results.admin.phase': 'Phase',
	'budgeting.results.admin.closesAt': 'Voting closes',
	'budgeting.results.admin.closedAt': 'Voting closed',
	'budgeting.results.admin.close.heading': 'Close voting',
	'budgeting.results.admin.close.warning':
		'Closing voting stops anyone else from voting and starts the count. You cannot open voting again.',
	'budgeting.results.admin.close.button': 'Close voting now',
	'budgeting.results.admin.closed': 'Voting is closed. The votes are being counted.',
	'budgeting.results.admin.counting.stage.queued': 'The count is waiting to start.',
	'budgeting.results.admin.counting.stage.loading': 'Loading the ballots.',
	'budgeting.results.admin.counting.stage.counting':
		'Counting {count, plural, one {# ballot} other {# ballots}}.',
	'budgeting.results.admin.counting.stage.saving': 'Saving the result.',
	'budgeting.results.admin.failed': 'The count failed: {error}',
	'budgeting.results.admin.retry': 'Try the count again',
	'budgeting.results.admin.counted': 'The votes have been counted.',
	'budgeting.results.admin.viewPublic': 'See the public results page',
	'budgeting.results.admin.preview.heading': 'Compare counting rules',
	'budgeting.results.admin.preview.lead':
		'See what each rule would fund from the same ballots. This is a preview only: the official result is the one counted with this process’s rule.',
	'budgeting.results.admin.preview.legend': 'Rules to compare',
	'budgeting.results.admin.preview.button': 'Compare',
	'budgeting.results.admin.preview.notYet': 'You can compare rules once voting has closed.',
	'budgeting.results.admin.preview.caption': 'What each rule would fund',
	'budgeting.results.admin.preview.totalFunded': 'Projects funded',
	'budgeting.results.admin.preview.totalSpent': 'Total spent',
	'budgeting.results.admin.preview.official': '{rule} (this process’s rule)',
	'budgeting.results.admin.preview.chooseRule': 'Select at least one rule to compare',
	'budgeting.results.ruleName.greedy': 'Most votes first',
	'budgeting.results.ruleName.mes': 'Method of Equal Shares',
	'budgeting.results.ruleName.phragmen': 'Sequential Phragmén',

	'budgeting.results.import.title': 'Import a Pabulib file',
	'budgeting.results.import.lead':
		'Add a past participatory budgeting process from an open data file in the Pabulib (.pb) format, for research and demonstration. Its projects, anonymous ballots and result are imported; nobody can vote in it here.',
	'budgeting.results.import.place': 'Area the process was for',
	'budgeting.results.import.file': 'Pabulib file',
	'budgeting.results.import.fileHint':
		'A .pb file of up to 400 KB. Larger files can be imported with the command line: powershare import pb <file> --place <place id>.',
	'budgeting.results.import.button': 'Import',
	'budgeting.results.import.choosePlace': 'Select the area the process was for',
	'budgeting.results.import.chooseFile': 'Select a .pb file',
	'budgeting.results.import.tooBig': 'The file must be smaller than 400 KB',
	'budgeting.results.import.problems': 'The file could not be imported. Nothing was imported.',
	'budgeting.results.import.done': 'Imported {title}',
	'budgeting.results.import.doneBody':
		'{projects, plural, one {# project} other {# projects}} and {ballots, plural, one {# ballot} other {# ballots}} were imported and counted.',
	'budgeting.results.import.link': 'Import a Pabulib file'
} as const;
