/**
 * English messages for voting in participatory budgeting: the ballot, receipts, voting codes and
 * their letters, and paper ballots. Every key starts with `budgeting.vote.`.
 */
export const budgetingVoting = {
	// The ballot page.
	'budgeting.vote.title': 'Vote: {process}',
	'budgeting.vote.caption': 'Participatory budgeting',
	'budgeting.vote.lead':
		'{place} has {budget} to spend. Choose the projects you want, then cast your vote. Your vote is secret: nobody can see how you voted, not even the organisers.',
	'budgeting.vote.closes': 'Voting closes on {date}.',
	'budgeting.vote.notOpen': 'Voting is not open',
	'budgeting.vote.notYet': 'Voting has not opened yet.',
	'budgeting.vote.opens': 'Voting opens on {date}.',
	'budgeting.vote.closed': 'Voting has closed.',
	'budgeting.vote.noProjects': 'There are no projects on the ballot yet.',
	'budgeting.vote.backToProcess': 'Back to {process}',
	'budgeting.vote.ballotLegend': 'Your choices',
	'budgeting.vote.projectLabel': '{title}, {cost}',
	'budgeting.vote.pointsLabel': 'Points for {title} ({cost})',
	'budgeting.vote.rankLabel': 'Rank for {title} ({cost})',
	'budgeting.vote.notRanked': 'Not ranked',
	'budgeting.vote.codeHeading': 'Your voting code',
	'budgeting.vote.codeLabel': 'Voting code',
	'budgeting.vote.codeHint': 'It is on your letter and looks like K7QM-3XPA-9RTD.',
	'budgeting.vote.codeHintAccount':
		'It is on your letter and looks like K7QM-3XPA-9RTD. You are signed in, so you can leave it empty to vote with your account. A code typed here also counts as your account’s vote: to help someone else vote with their letter, sign out first.',
	'budgeting.vote.signInLink': 'No letter? Sign in to vote with your account',
	'budgeting.vote.votingAs': 'You are voting as {name}.',
	'budgeting.vote.ageLabel': 'I am {age} or older',
	'budgeting.vote.ageLegend': 'Your age',
	'budgeting.vote.ageHint': 'Only people aged {age} or over can vote in this budget.',
	'budgeting.vote.postcodeLabel': 'Your postcode',
	'budgeting.vote.postcodeHint':
		'This budget is for people living in {districts}. We check your postcode and do not keep it.',
	'budgeting.vote.submit': 'Cast my vote',
	'budgeting.vote.summary.knapsack': 'You have chosen {spent} of {budget}. {left} left.',
	'budgeting.vote.summary.knapsackOver':
		'You have chosen {spent} of {budget}. That is {over} over the budget.',
	'budgeting.vote.summary.approval':
		'{count, plural, one {You have chosen # project} other {You have chosen # projects}} of up to {max}.',
	'budgeting.vote.summary.approvalAny':
		'{count, plural, one {You have chosen # project} other {You have chosen # projects}}.',
	'budgeting.vote.summary.cumulative': 'You have given {spent} of {total} points. {left} left.',
	'budgeting.vote.summary.cumulativeOver':
		'You have given {spent} of {total} points. That is {over} too many.',
	'budgeting.vote.summary.ranked':
		'{count, plural, one {You have ranked # project} other {You have ranked # projects}}.',
	'budgeting.vote.budgetBar': 'Money chosen',

	// After voting.
	'budgeting.vote.done.title': 'Your vote has been cast',
	'budgeting.vote.done.receiptIntro': 'Your receipt code',
	'budgeting.vote.done.receiptHelp':
		'Write it down or take a photo of it. It is shown only once. With it you can check that your vote is in the ballot box, and later that it was counted. It does not show how you voted, so nobody can use it to find out.',
	'budgeting.vote.done.noReceipt':
		'Your receipt code was shown once, just after you voted, and cannot be shown again.',
	'budgeting.vote.done.checkLink': 'Check a receipt code',
	'budgeting.vote.done.back': 'Back to {process}',

	// Checking a receipt.
	'budgeting.vote.receipt.title': 'Check your vote was received',
	'budgeting.vote.receipt.label': 'Receipt code',
	'budgeting.vote.receipt.hint': 'It was shown after you voted and looks like 4HQ2-W9XK-7MBD-2JRT.',
	'budgeting.vote.receipt.submit': 'Check',
	'budgeting.vote.receipt.malformed':
		'Enter the receipt code as it was shown: 16 letters and numbers, like 4HQ2-W9XK-7MBD-2JRT.',
	'budgeting.vote.receipt.notFound':
		'There is no vote with this receipt code in this budget’s ballot box. Check the code and try again.',
	'budgeting.vote.receipt.inBox': 'Your vote is in the ballot box',
	'budgeting.vote.receipt.notCounted': 'The votes have not been counted yet.',
	'budgeting.vote.receipt.counted':
		'The votes were counted on {date}: {count, plural, one {# vote} other {# votes}}, yours among them.',
	'budgeting.vote.receipt.resultsLink': 'See the results',

	// Voting codes (admin).
	'budgeting.vote.codes.title': 'Voting codes: {process}',
	'budgeting.vote.codes.caption': 'Participatory budgeting',
	'budgeting.vote.codes.lead':
		'Each household gets a letter with a single-use code. Make a batch of codes, then print its letters. The codes are shown once, on the letters: only a fingerprint of each code is kept, so nobody can read them later.',
	'budgeting.vote.codes.disabled': 'This budget does not use voting codes.',
	'budgeting.vote.codes.batches': 'Batches',
	'budgeting.vote.codes.none': 'No codes have been made yet.',
	'budgeting.vote.codes.label': 'Batch',
	'budgeting.vote.codes.area': 'Neighbourhood',
	'budgeting.vote.codes.size': 'Codes',
	'budgeting.vote.codes.used': 'Used',
	'budgeting.vote.codes.status': 'Letters',
	'budgeting.vote.codes.notPrinted': 'Not printed',
	'budgeting.vote.codes.printed': 'Printed',
	'budgeting.vote.codes.cancelledCount': '{count} cancelled',
	'budgeting.vote.codes.letters': 'Letters for {label}',
	'budgeting.vote.codes.newHeading': 'Make a batch of codes',
	'budgeting.vote.codes.labelLabel': 'Name of the batch',
	'budgeting.vote.codes.labelHint': 'For example, “Letters to Old Market, March”.',
	'budgeting.vote.codes.sizeLabel': 'How many codes',
	'budgeting.vote.codes.sizeHint': 'One for each household or person who will get a letter.',
	'budgeting.vote.codes.placeLabel': 'Neighbourhood (optional)',
	'budgeting.vote.codes.placeHint': 'Where the letters go, to show turnout by neighbourhood.',
	'budgeting.vote.codes.anywhere': 'The whole area',
	'budgeting.vote.codes.create': 'Make the batch',
	'budgeting.vote.codes.created': 'Batch “{label}” made. Print its letters now.',
	'budgeting.vote.codes.cancel': 'Cancel unused codes',
	'budgeting.vote.codes.cancelled':
		'{count, plural, one {# code cancelled} other {# codes cancelled}}.',
	'budgeting.vote.codes.labelRequired': 'Enter a name for the batch',
	'budgeting.vote.codes.labelTooLong': 'The name must be 120 characters or fewer',
	'budgeting.vote.codes.sizeWhole': 'Enter how many codes as a whole number, like 250',
	'budgeting.vote.codes.sizeRange': 'Make between 1 and 50,000 codes in one batch',
	'budgeting.vote.codes.back': 'Back to the budget’s settings',

	'budgeting.vote.warning': 'Warning',

	// The letters page.
	'budgeting.vote.letters.title': 'Letters: {label}',
	'budgeting.vote.letters.warning':
		'The codes are made when you press the button and shown only once, on this page. Print the letters (or save them as a PDF) before you leave it.',
	'budgeting.vote.letters.issue': 'Make the codes and show the letters',
	'budgeting.vote.letters.alreadyPrinted':
		'The codes for this batch have already been made and shown. They cannot be shown again. If letters were lost, cancel the batch and make a new one.',
	'budgeting.vote.letters.print':
		'{count, plural, one {# letter} other {# letters}} below, one per page. Use your browser’s Print to print them.',
	'budgeting.vote.letters.heading': 'Your voting code for {process}',
	'budgeting.vote.letters.intro':
		'{place} has {budget} to spend on local projects, and you can help decide which. This code lets one person vote, once.',
	'budgeting.vote.letters.step1': 'Go to {url}',
	'budgeting.vote.letters.step2': 'Choose the projects you want.',
	'budgeting.vote.letters.step3': 'Type your code and press “Cast my vote”.',
	'budgeting.vote.letters.codeLabel': 'Your code',
	'budgeting.vote.letters.closes': 'Vote by {date}.',
	'budgeting.vote.letters.secret':
		'Your vote is secret: the code shows that someone voted, never how. Keep it private; anyone with it can vote instead of you.',
	'budgeting.vote.letters.paper':
		'No internet? You can vote on paper at a community event; ask the organisers where.',
	'budgeting.vote.letters.back': 'Back to voting codes',

	// Paper ballots (assisted mode).
	'budgeting.vote.paper.title': 'Enter a paper ballot: {process}',
	'budgeting.vote.paper.lead':
		'Type in one paper ballot at a time, exactly as the voter marked it. It is counted like any other vote, and the audit log records only that a paper ballot was entered.',
	'budgeting.vote.paper.placeLabel': 'Where the voter lives (optional)',
	'budgeting.vote.paper.placeHint': 'For turnout by neighbourhood.',
	'budgeting.vote.paper.unknown': 'Not known',
	'budgeting.vote.paper.codeLabel': 'Voting code from the voter’s letter (optional)',
	'budgeting.vote.paper.codeHint':
		'If the voter brought their letter, type its code so it cannot be used again online. Leave it empty if you checked the voter against your paper register.',
	'budgeting.vote.paper.submit': 'Enter this ballot',
	'budgeting.vote.paper.entered': 'Paper ballot entered. The form is ready for the next one.',
	'budgeting.vote.paper.receipt': 'Receipt code for the voter, if they want it: {receipt}'
} as const;
