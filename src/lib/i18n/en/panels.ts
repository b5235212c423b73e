/**
 * English messages for citizens' panels: the organiser's pages (pool, quotas, review, draw,
 * members, retention) and the public record of the draw. Every key starts with `panels.`.
 */
export const panels = {
	'panels.admin.nav': 'Citizens’ panels',
	'panels.activity.summary':
		'{count, plural, one {A panel of # resident} other {A panel of # residents}} of {place}, drawn by public lottery',
	'panels.admin.title': 'Citizens’ panels',
	'panels.admin.lead':
		'Select a panel of residents by lottery. Everyone in the pool gets as equal a chance as the quotas allow, and anyone can check the draw.',
	'panels.admin.create': 'Create a panel',
	'panels.admin.none': 'There are no panels yet.',
	'panels.admin.caption': 'Panels you run',
	'panels.admin.col.title': 'Panel',
	'panels.admin.col.place': 'Area',
	'panels.admin.col.size': 'Members',
	'panels.admin.col.pool': 'Volunteers',
	'panels.admin.col.status': 'Status',

	'panels.status.draft': 'Being prepared',
	'panels.status.published': 'Lottery published',
	'panels.status.drawn': 'Drawn',

	'panels.new.title': 'Create a citizens’ panel',
	'panels.new.submit': 'Create panel',
	'panels.field.place': 'Which area is the panel for?',
	'panels.field.placePlaceholder': 'Select an area',
	'panels.field.title': 'Name of the panel',
	'panels.field.titleHint': 'For example, Northgate residents’ panel on the high street',
	'panels.field.question': 'What will the panel consider? (optional)',
	'panels.field.questionHint': 'This is shown on the public page of the draw.',
	'panels.field.panelSize': 'How many members will the panel have?',
	'panels.field.panelSizeHint':
		'Involve suggests at least 40 for an assembly. A small panel or jury can have 12 to 30.',
	'panels.field.households': 'Households',
	'panels.field.householdsItem': 'At most one member from each household',
	'panels.field.householdsHint': 'The pool file then needs a "household" column.',
	'panels.field.timeLimit': 'Time limit for the selection, in seconds (optional)',
	'panels.field.timeLimitHint':
		'Leave this empty so that every re-run gives exactly the same result. With a limit, a large pool stops at the limit with a lottery that is a little less fair.',

	'panels.validation.place': 'Select the area the panel is for',
	'panels.validation.title': 'Enter a name for the panel',
	'panels.validation.tooLong': 'This is too long',
	'panels.validation.panelSize': 'Enter a whole number of members from 2 to 500',
	'panels.validation.timeLimit': 'Enter a time limit from 5 to 3600 seconds, or leave it empty',
	'panels.validation.retentionDate': 'Enter a real date, for example 31 3 2027',
	'panels.validation.seed': 'Enter the seed announced for the draw',
	'panels.validation.member': 'Enter the number of the member who dropped out',

	'panels.summary.status': 'Status',
	'panels.summary.size': 'Members',
	'panels.summary.pool': 'Volunteers in the pool',
	'panels.summary.quotas': 'Quotas',
	'panels.summary.noQuotas': 'Not set yet: import the pool first',
	'panels.summary.households': 'Households',
	'panels.summary.householdsYes': 'At most one member from each household',
	'panels.summary.householdsNo': 'No rule',
	'panels.summary.retention': 'Personal data kept until',

	'panels.quotaSource.census': 'Suggested from the 2021 Census',
	'panels.quotaSource.pool': 'Suggested from the pool’s own shares',
	'panels.quotaSource.mixed':
		'Suggested from the 2021 Census where it has figures, otherwise from the pool',
	'panels.quotaSource.organiser': 'Set by the organisers',

	'panels.step.pool': '1. Pool and quotas',
	'panels.step.review': '2. Review everyone’s chance',
	'panels.step.publish': '3. Publish the lottery',
	'panels.step.draw': '4. Draw in public',
	'panels.step.members': '5. Members',
	'panels.step.retention': 'Personal data',

	'panels.pool.title': 'Import the pool of volunteers',
	'panels.pool.importLink': 'Import the pool of volunteers',
	'panels.pool.replaceLink': 'Replace the pool with a new file',
	'panels.pool.lead':
		'Upload a spreadsheet saved as CSV, with one row for each volunteer and these columns:',
	'panels.pool.colName': 'name',
	'panels.pool.colEmail': 'email, used to invite the people selected',
	'panels.pool.colOptional': 'phone and household (optional)',
	'panels.pool.colFeatures':
		'one column for each feature the quotas are set on, such as gender, age band or neighbourhood',
	'panels.pool.replaces':
		'The pool has {count} volunteers. A new file replaces them all, and the quotas are suggested again.',
	'panels.pool.drawn': 'The lottery has been published, so the pool can no longer change.',
	'panels.pool.file': 'CSV file',
	'panels.pool.fileHint':
		'If any row has a problem, nothing is imported and every problem is listed.',
	'panels.pool.submit': 'Import volunteers',
	'panels.pool.problemsCaption': 'Problems in {file} ({rows} rows read)',
	'panels.pool.col.line': 'Line',
	'panels.pool.col.problem': 'Problem',
	'panels.pool.moreProblems': '{count} more problems are not shown.',
	'panels.pool.imported':
		'{count, plural, one {# volunteer imported} other {# volunteers imported}}',

	'panels.quotas.link': 'Check and change the quotas',
	'panels.quotas.title': 'Quotas',
	'panels.quotas.lead':
		'For each feature, set the fewest and the most members of the panel of {size} who may have each value. The pool has {pool} volunteers.',
	'panels.quotas.source.census':
		'The suggestions come from official figures for this area (the 2021 Census; for age bands, the Office for National Statistics’ mid-2020 estimates): the share of residents with each value, times the panel size, rounded down and up.',
	'panels.quotas.source.pool':
		'There are no census figures for this area, so the suggestions come from the pool’s own shares: the share of volunteers with each value, times the panel size, rounded down and up. A pool is rarely like the whole population, so check them against what you know about the area.',
	'panels.quotas.source.mixed':
		'Features the 2021 Census covers here (gender, ethnicity) are suggested from its figures for this area; the others from the pool’s own shares, which may not be like the whole population.',
	'panels.quotas.source.organiser': 'These quotas were set by the organisers.',
	'panels.quotas.col.value': 'Value',
	'panels.quotas.col.pool': 'Volunteers',
	'panels.quotas.col.suggested': 'Suggested',
	'panels.quotas.col.min': 'Fewest',
	'panels.quotas.col.max': 'Most',
	'panels.quotas.suggestion': '{min} to {max} ({share} {source})',
	'panels.quotas.from.census': 'of residents, census',
	'panels.quotas.from.pool': 'of the pool',
	'panels.quotas.minLabel': 'Fewest members with {category}: {value}',
	'panels.quotas.maxLabel': 'Most members with {category}: {value}',
	'panels.quotas.submit': 'Save quotas',

	'panels.review.lead':
		'A review runs the selection without publishing anything, so you can see each volunteer’s chance of selection before the public draw.',
	'panels.review.run': 'Run a review selection',
	'panels.review.title': 'Review of the chances of selection',
	'panels.review.publishedTitle': 'Chances of selection in the published lottery',
	'panels.review.range':
		'Chances of selection range from {min} to {max} (method: {method}; the lottery has {panels} different panels).',
	'panels.review.leastCaption': 'The volunteers least likely to be selected, and why',
	'panels.review.col.number': 'Volunteer number',
	'panels.review.col.chance': 'Chance',
	'panels.review.col.why': 'Why',
	'panels.review.crowded':
		'{category}: {value} is {pool} of the pool, but at most {panel} of the panel',
	'panels.review.notCrowded': 'None of their values is over-represented in the pool',
	'panels.review.infeasible': 'No panel meets every quota',
	'panels.review.relaxation': 'The smallest change to the quotas that would allow a panel:',
	'panels.review.change': '{category}: {value}, from {min}–{max} to {newMin}–{newMax}',

	'panels.run.queued': 'Waiting',
	'panels.run.running': 'Running',
	'panels.run.reviewRunning': 'The review selection is running in the background.',
	'panels.run.progress': 'Latest step: {message}',
	'panels.run.check': 'Check progress',
	'panels.run.failed': 'The last selection did not finish: {error}',

	'panels.publish.lead':
		'Publishing shows the lottery of the latest review on the public page, with a file anyone can download and its fingerprint. After that the pool, the quotas and the lottery can no longer change. Only once it is published, choose the seed in public.',
	'panels.publish.submit': 'Publish the lottery',
	'panels.publish.notYet': 'Run a review selection first: its lottery is what you publish.',
	'panels.publish.done':
		'The lottery is published and can no longer change. The public draw uses the file with this fingerprint:',
	'panels.publish.sha256': 'Fingerprint of the lottery file (SHA-256)',
	'panels.publish.publicLink': 'See the public page of the lottery',

	'panels.draw.lead':
		'Choose the seed in public now that the lottery is published, for example numbers drawn from a hat at a public meeting. The ticket follows from the seed and the published lottery file alone, so anyone can check it, and it is published straight away.',
	'panels.draw.seed': 'Seed announced for the draw',
	'panels.draw.seedHint': 'For example, town hall 4 December: 17 42 8',
	'panels.draw.submit': 'Draw the panel in public',
	'panels.draw.notYet': 'Publish the lottery first.',
	'panels.draw.done': 'The panel was drawn with the seed “{seed}”.',
	'panels.draw.ticket': 'The seed drew ticket {ticket}.',
	'panels.draw.publicLink': 'See the public record of the draw',

	'panels.rerun.title': 'Re-running the draw',
	'panels.rerun.lead':
		'These files hold volunteer numbers and features but no names or contact details; they are for organisers only. Give them to an independent observer so they can rebuild the lottery and check that its fingerprint is the published one:',
	'panels.rerun.drawLead': 'Anyone can then check the draw with the published lottery file alone:',
	'panels.rerun.people': 'Download the pool (people.csv)',
	'panels.rerun.features': 'Download the quotas (features.csv)',

	'panels.members.caption': '{count, plural, one {# member} other {# members}}',
	'panels.members.col.name': 'Name',
	'panels.members.col.email': 'Email',
	'panels.members.col.joined': 'Joined by',
	'panels.members.col.invited': 'Invited',
	'panels.members.byDraw': 'Draw',
	'panels.members.byReplacement': 'Replacement',
	'panels.members.yes': 'Yes',
	'panels.members.no': 'No',
	'panels.members.wiped': 'Removed',
	'panels.members.invite': 'Send invitations to members not yet invited',
	'panels.members.invited':
		'{count, plural, =0 {Everyone has been invited already} one {# invitation sent} other {# invitations sent}}',
	'panels.members.replaceTitle': 'A member has dropped out',
	'panels.members.replaceLead':
		'A replacement is drawn from the volunteers whose arrival keeps every quota, in an order that follows from the seed and the published lottery. They are invited straight away, and the change is published by number.',
	'panels.members.number': 'Number of the member who dropped out',
	'panels.members.replace': 'Draw a replacement',
	'panels.members.replaced':
		'Volunteer {replacement} replaces volunteer {dropped} (drawn from {count, plural, one {# volunteer} other {# volunteers}} who keep every quota)',
	'panels.members.replacementsTitle': 'Replacements',
	'panels.members.replacementLine':
		'Volunteer {replacement} replaced volunteer {dropped} ({count, plural, one {# possible replacement} other {# possible replacements}})',

	'panels.retention.lead':
		'Names, contact details and features of the pool are wiped the day after this date. The public record of the draw only uses volunteer numbers, so it stays.',
	'panels.retention.legend': 'Keep personal data until',
	'panels.retention.hint': 'For example, 31 3 2027',
	'panels.retention.submit': 'Save date',
	'panels.retention.saved': 'Personal data will be wiped after {date}',
	'panels.retention.notSet': 'No date set',
	'panels.retention.done': 'The personal data of the pool has been wiped.',

	'panels.public.listTitle': 'Citizens’ panels',
	'panels.public.listLead':
		'Panels of residents chosen by a public lottery, with everything needed to check the draw.',
	'panels.public.listCaption': 'Panels drawn',
	'panels.public.none': 'No panel has been drawn yet.',
	'panels.public.drawnOn': 'Drawn on',
	'panels.public.waitingCaption': 'Lotteries published, waiting for the draw',
	'panels.public.publishedOn': 'Published on',
	'panels.public.waitingLead':
		'The {size} members will be chosen by lottery from {pool} volunteers. The lottery below is fixed: it meets every quota and gives each volunteer as equal a chance as the quotas allow, no less than {min}. The ticket will be drawn with a seed chosen in public.',
	'panels.public.lotteryTitle': 'The lottery',
	'panels.public.publishedAt': 'Published at',
	'panels.public.lotterySha256': 'Fingerprint of the lottery file (SHA-256)',
	'panels.public.notDrawn':
		'The draw has not happened yet. When the seed is announced, the ticket follows from it and the lottery file above, as explained below.',
	'panels.public.lead':
		'The {size} members were chosen by lottery from {pool} volunteers. The lottery met every quota and gave each volunteer as equal a chance as the quotas allowed: no one had less than {min}.',
	'panels.public.drawTitle': 'The draw',
	'panels.public.drawnAt': 'Drawn at',
	'panels.public.seed': 'Seed',
	'panels.public.inputsHash': 'Fingerprint of the pool and quotas (SHA-256)',
	'panels.public.method': 'Method',
	'panels.public.lottery': 'Lottery',
	'panels.public.lotteryValue': '{size} tickets naming {panels} different panels',
	'panels.public.ticket': 'Ticket drawn',
	'panels.public.drawnMembers': 'Volunteers on the ticket',
	'panels.public.download': 'Download the lottery of {size} tickets (CSV)',
	'panels.public.membersTitle': 'Members now',
	'panels.public.membersLead':
		'Volunteers are shown by number only. When a member drops out, their replacement is drawn in a way anyone can check.',
	'panels.public.replacementsTitle': 'Replacements',
	'panels.public.replacementLine':
		'{date}: volunteer {replacement} replaced volunteer {dropped}, drawn from {count, plural, one {# volunteer} other {# volunteers}} who kept every quota, with the seed “{seed}”',
	'panels.public.checkTitle': 'Check the draw',
	'panels.public.checkRecipe':
		'Download the lottery file and compute its SHA-256 (for example with sha256sum); it must be the fingerprint above. The ticket is the SHA-256 of the text “fingerprint:seed” (the fingerprint, a colon, then the seed exactly as announced), read as a hexadecimal number, divided by {size}: the remainder plus one.',
	'panels.public.checkCommand':
		'Powershare’s command line does this, and prints the volunteers the ticket names:',
	'panels.public.checkPython':
		'So does this line of Python, with the announced seed in place of SEED:',
	'panels.public.checkTicket':
		'The lottery file lists every ticket and the volunteers it names; ticket {ticket} names the volunteers above.',
	'panels.public.checkReplacement':
		'A replacement is the volunteer, among those whose arrival keeps every quota, with the smallest SHA-256 of “fingerprint:seed:replacement:n:number”, where n counts the replacements and number is the volunteer’s.',
	'panels.public.checkOld':
		'This panel was drawn before lotteries were published ahead of the draw: ticket {ticket} came from the seed with the engine’s own generator, and the lottery file lists the volunteers it names.',
	'panels.public.checkRerun':
		'An independent observer given the pool file (volunteer numbers and features, no names) and the quota file by the organisers can rebuild the whole lottery:',
	'panels.public.checkHash':
		'The command prints the fingerprint of the files it read and of the lottery file it writes, which must match the ones above.',
	'panels.public.privacy':
		'This page and the lottery file show no names, contact details or features of any volunteer.'
} as const;
