package catalog

import "riskconsole/internal/engine"

// This file is the one place that holds the seeded catalog content: the pop-up frame and the
// shopper and agent texts of every reason code, for every supported locale. Default assembles
// them into a Catalog.
//
// Conventions of the content:
//   - Shopper texts speak to the shopper ("you"; "du" in Swedish, "Sie" in German, as a credit
//     agreement calls for). Their title is the reason's heading inside the pop-up, their body
//     explains the reason in one to three sentences, and their steps say what the shopper can do
//     before trying again. Steps shared by several reasons are written once per locale (the
//     step* constants) so that Render can de-duplicate them.
//   - No text states a cut-off (an age, a number of months, an amount): cut-offs are data that
//     change with the threshold set in force, while a published text does not.
//   - Agent texts have no placeholders, so they read correctly even where they are shown
//     unrendered. Their body is "what it means", then "what not to say or promise": the reason's own
//     don'ts followed by the locale's common rules (agents approve nothing themselves, no influence on the
//     decision, a new purchase gets a new assessment, no effect on the credit score, card
//     authorization holds are released by the card issuer). Their steps are what the shopper can
//     do, phrased for the agent.
//   - German texts name the bureau as "der Auskunftei {bureau}", which is grammatical for any
//     bureau name (SCHUFA takes an article in German).

// seed is one reason's content in one locale.
type seed struct {
	reason engine.Reason
	// Shopper pop-up section.
	title, body string
	steps       []string
	// Agent guidance.
	agentTitle, agentMeaning, agentDont string
	agentSteps                          []string
}

// localeSeed is the content of one locale.
type localeSeed struct {
	locale string
	frame  Frame
	// Agent bodies are agentMeaningLabel + " " + agentMeaning + "\n\n" + agentDontLabel + " " +
	// agentDont + " " + agentCommon.
	agentMeaningLabel, agentDontLabel, agentCommon string
	reasons                                        []seed
}

// seeds lists the content of every supported locale.
var seeds = []localeSeed{seedEnUS, seedEnGB, seedSvSE, seedDeDE}

var seedEnUS = func() localeSeed {
	const (
		stepIdentity    = "Check that your full legal name and date of birth are entered exactly as they appear on your ID."
		stepAddress     = "Make sure your billing address is your current home address, written the same way as on your bank statements."
		stepFreeze      = "If you have a security freeze on your credit file, lift it temporarily before you try again."
		stepIncome      = "Update your income in your account so it includes all your regular monthly income."
		stepPayDown     = "Pay down some of your existing balances to lower what you owe each month."
		stepFinishPlans = "Finish paying off some of your current pay-later plans before starting a new one."
		stepSmaller     = "Try a smaller purchase, for example with fewer items in your cart."
		stepOtherMethod = "For this purchase, you can pay with another payment method."
	)
	return localeSeed{
		locale: "en-US",
		frame: Frame{
			ReviewReceivedTitle: "We've received your request for a review",
			ReviewReceivedBody: "Thank you. A member of our credit team (a person, not an automated system) will review the decision " +
				"on your purchase, reference {reference}, together with what you told us. You'll hear from us by {dueDate}.",
			ReviewUpheldTitle: "Your review is complete: the decision stands",
			ReviewUpheldBody: "A member of our credit team has reviewed the decision on your purchase, reference {reference}, and " +
				"what you told us. The decision stays as it was, for this reason:\n\n{reason}\n\nThis doesn't affect " +
				"your credit score, and each future purchase is assessed on its own.",
			ReviewOverturnedTitle: "Good news: your purchase is approved",
			ReviewOverturnedBody: "A member of our credit team has reviewed the decision on your purchase, reference {reference}, and " +
				"changed it: your purchase is approved. The reason:\n\n{reason}\n\nThe new decision's reference is " +
				"{newReference}.",
			Title:     "We couldn't approve this purchase",
			Intro:     "We couldn't approve paying later for your {amount} purchase at {merchant}. Here's what affected the decision:",
			Closing:   "Then you're welcome to try again: every purchase gets a new automated assessment, and this decline doesn't affect your credit score.",
			Reference: "Your decision reference is {reference}. Please quote it if you contact us.",
			HumanReview: "This decision was made automatically. You have the right to ask for a person to review it: we'll explain how we assessed your application, you can give us your point of view, and you can contest the decision. " +
				"To ask, go to Help in our app or use the link in your checkout confirmation, and quote your decision reference {reference}.",
			FCRA: "Our decision was based in whole or in part on information in a consumer report from {bureau}, {bureauAddress}, toll-free {bureauPhone}. " +
				"{bureau} did not make this decision and can't tell you why it was made. " +
				"Under the Fair Credit Reporting Act, you have the right to a free copy of your report from {bureau} if you ask within 60 days, and the right to dispute with {bureau} the accuracy or completeness of any information in it. " +
				"We also used your credit score: {score}, on a scale from {scoreRange}, as of {scoreDate}. Key factors that adversely affected your score: {keyFactors}.",
			ECOA: "The federal Equal Credit Opportunity Act prohibits creditors from discriminating against credit applicants on the basis of race, color, religion, national origin, sex, marital status, or age (provided the applicant has the capacity to enter into a binding contract); " +
				"because all or part of the applicant's income derives from any public assistance program; or because the applicant has in good faith exercised any right under the Consumer Credit Protection Act. " +
				"The federal agency that administers compliance with this law concerning this creditor is the {regulator}.",
			NoKeyFactors:     "none reported by the credit bureau",
			ExplainTitle:     "How we assessed your purchase",
			ExplainApproved:  "We approved paying later for your {amount} purchase at {merchant}. The assessment was automated: we checked each factor below against our requirements, and every one met them.",
			ExplainDeclined:  "We couldn't approve paying later for your {amount} purchase at {merchant}. The assessment was automated: we checked each factor below against our requirements. We don't share the exact requirements, because they're part of how we manage risk and they change over time, but we tell you which factors fell short and roughly by how much.",
			ExplainMet:       "{factor}: met our requirements.",
			ExplainNotMet:    "{factor}: didn't meet our requirements.",
			ExplainNarrowly:  "{factor}: fell just short of our requirements.",
			ExplainShort:     "{factor}: fell short of our requirements.",
			ExplainWellShort: "{factor}: fell well short of our requirements.",
			FactorNames: [NumFactors]string{
				"Your credit score",
				"Your income",
				"How long you've been in your current job",
				"Your recent pay-later purchases",
				"Your debts compared with your income",
				"Your address",
				"Your identity and age",
				"Your credit history",
				"Whether the repayments are affordable for you",
				"Your savings",
				"What you already owe on credit",
			},
		},
		agentMeaningLabel: "What it means:",
		agentDontLabel:    "What not to say or promise:",
		agentCommon: "You can't approve a purchase yourself, and you can't change or influence the decision; you have no more information than the reason shown. " +
			"A new purchase gets a new automated assessment, so don't predict its outcome. " +
			"You can confirm that a decline doesn't affect the shopper's credit score, and that a pending authorization hold from a declined card purchase is released by their card issuer, not by us.",
		reasons: []seed{
			{
				reason: engine.CreditScoreInsufficient,
				title:  "Your credit score is below our minimum",
				body: "We used your credit score from {bureau}: {score}, on a scale of {scoreRange}, as of {scoreDate}. It's below the minimum we need to approve paying later. " +
					"{bureau} didn't make this decision and can't tell you why it was made. " +
					"Under the Fair Credit Reporting Act, you have the right to a free copy of your credit report from {bureau} if you ask within 60 days, and the right to dispute any information in it that's inaccurate or incomplete.",
				steps: []string{
					"Get your free credit report from {bureau} and check it for mistakes.",
					"If something is wrong, dispute it with {bureau} so they can correct it.",
					"Pay bills on time and keep card balances low; this can raise your score over time.",
				},
				agentTitle:   "Credit score below the minimum",
				agentMeaning: "The shopper's credit score from the market's credit bureau was below the minimum of the threshold set in force. The pop-up showed them the score, its range and date, the bureau's name, and their right to a free credit report and to dispute errors.",
				agentDont:    "Don't discuss or interpret what's in their credit report, and don't offer to correct it: only the bureau can do that.",
				agentSteps: []string{
					"Point them to the bureau named in the pop-up for a free copy of their credit report.",
					"If they think the report is wrong, tell them to dispute it directly with the bureau.",
					"Mention that paying on time and keeping balances low can improve a score over time.",
				},
			},
			{
				reason:       engine.IncomeInsufficient,
				title:        "Your monthly income is below our minimum",
				body:         "The monthly income we have on file for you is lower than the minimum we need to approve paying later. Income that isn't listed in your account, such as from a second job, benefits or a pension, wasn't counted.",
				steps:        []string{stepIncome, stepOtherMethod},
				agentTitle:   "Monthly income below the minimum",
				agentMeaning: "The monthly income on the shopper's account was below the minimum of the threshold set. Only the income on record at the time of the purchase was used.",
				agentDont:    "Don't ask for or accept proof of income over chat or phone, and don't say that updating their income will lead to an approval.",
				agentSteps: []string{
					"Suggest they check that the income in their account includes all their regular income, such as a second job, benefits or a pension.",
					"Mention that they can pay for this purchase with another payment method.",
				},
			},
			{
				reason: engine.IncomeUnverified,
				title:  "We couldn't verify your income",
				body:   "We weren't able to confirm the income you gave us, so we couldn't rely on it for this purchase.",
				steps: []string{
					stepIncome,
					"If you're asked to connect your bank account or share proof of income, complete that step so we can confirm it.",
				},
				agentTitle:   "Income could not be verified",
				agentMeaning: "The income the shopper gave could not be confirmed, so the assessment could not rely on it.",
				agentDont:    "Don't collect pay stubs, bank statements or other documents yourself, and don't confirm their income on their behalf.",
				agentSteps: []string{
					"Suggest they check that the income in their account is accurate and complete.",
					"If they're asked to connect a bank account or share proof of income, encourage them to finish that step.",
				},
			},
			{
				reason: engine.EmploymentLength,
				title:  "You've been in your current job for a short time",
				body:   "You've been with your current employer for less time than we need to approve paying later. This is about how long you've been in your job, not about the job itself.",
				steps: []string{
					"If the start date of your current job is wrong in your account, correct it.",
					stepOtherMethod,
				},
				agentTitle:   "Short time in current employment",
				agentMeaning: "The shopper's time with their current employer was below the minimum of the threshold set. It says nothing about the kind of job or the employer.",
				agentDont:    "Don't tell them how many months they need, because cut-offs can change, and don't ask for employment documents.",
				agentSteps: []string{
					"Suggest they check that the start date of their current job is correct in their account.",
					"Mention that they can pay for this purchase with another payment method.",
				},
			},
			{
				reason: engine.RecentPlansExcessive,
				title:  "You've opened several pay-later plans recently",
				body:   "You've started several pay-later plans in the past 30 days. To help you keep on top of your spending, we limit how many new plans can be opened in a short time.",
				steps: []string{
					stepFinishPlans,
					"Check your upcoming payments in your account so you know what's still due.",
				},
				agentTitle:   "Many pay-later plans opened recently",
				agentMeaning: "The shopper opened more pay-later plans in the past 30 days than the threshold set allows. The limit is there to help shoppers keep their spending manageable.",
				agentDont:    "Don't tell them how many plans are allowed or when they'll be able to open the next one.",
				agentSteps: []string{
					"Suggest they finish paying off some of their current plans before starting a new one.",
					"Point them to the upcoming payments in their account.",
				},
			},
			{
				reason:       engine.ObligationsExcessive,
				title:        "Your debt payments are high compared with your income",
				body:         "What you pay each month toward loans, credit cards and other payment plans takes up a large share of your income.",
				steps:        []string{stepPayDown, stepIncome},
				agentTitle:   "Debt payments high relative to income",
				agentMeaning: "The shopper's monthly debt payments as a share of their monthly income (the debt-to-income ratio) were above the maximum of the threshold set.",
				agentDont:    "Don't advise them which debts to pay first, and don't suggest taking on new credit to pay off existing debt.",
				agentSteps: []string{
					"Suggest that paying down existing balances lowers their monthly payments.",
					"Suggest they check that the income in their account is complete and up to date.",
				},
			},
			{
				reason: engine.ResidenceLength,
				title:  "You moved to your current address recently",
				body:   "You've lived at your current address for a short time, so there's less information connected to it to support paying later.",
				steps: []string{
					stepAddress,
					"Update your address with your bank and other lenders so your records show where you live now.",
				},
				agentTitle:   "Short time at current address",
				agentMeaning: "The shopper has lived at their current address for less time than the threshold set requires. After a move, less information is linked to the new address.",
				agentDont:    "Don't change their address for them, and don't suggest using a previous address or someone else's.",
				agentSteps: []string{
					"Suggest they make sure their billing address is their current home address, written as on their bank statements.",
					"Suggest they update their address with their bank and other lenders.",
				},
			},
			{
				reason: engine.ResidenceUnverified,
				title:  "We couldn't confirm your address",
				body:   "We couldn't match the address you entered to your records. This often happens after a move, or when an apartment number or ZIP code is missing or different.",
				steps: []string{
					stepAddress,
					"Include your apartment or unit number, and double-check the ZIP code.",
					"Use your home address, not a P.O. box, work address or mail forwarding address.",
				},
				agentTitle:   "Address could not be verified",
				agentMeaning: "The address given could not be matched to the shopper's records. Common causes are a recent move, a missing apartment number or a mistyped ZIP code.",
				agentDont:    "Don't reveal or confirm any address we may hold, and don't accept documents as proof of address.",
				agentSteps: []string{
					"Suggest they enter their current home address exactly as on their bank statements, including any apartment or unit number.",
					"Remind them that P.O. boxes, work addresses and forwarding addresses can't be used.",
				},
			},
			{
				reason: engine.IdentityUnverified,
				title:  "We couldn't verify your identity",
				body:   "We couldn't confirm that the details entered belong to you. This can happen when your name, date of birth or address doesn't match your records, for example after a move or a name change.",
				steps: []string{
					stepIdentity,
					stepAddress,
					stepFreeze,
					"Use your own details and your own card or bank account.",
				},
				agentTitle:   "Identity could not be verified",
				agentMeaning: "The shopper's identity could not be confirmed from the details given. Identity is checked before anything else, and this reason says nothing about their finances.",
				agentDont:    "Don't try to verify their identity yourself, don't accept ID documents over chat, email or phone, and don't guess which detail didn't match: you can't see it.",
				agentSteps: []string{
					"Suggest they check that their legal name and date of birth match their ID and that their address is current.",
					"If they have a security freeze on their credit file, suggest lifting it temporarily before trying again.",
					"Remind them to use their own details and their own card or bank account.",
				},
			},
			{
				reason:       engine.UnderLegalAge,
				title:        "You need to be of legal age to pay later",
				body:         "Based on the date of birth we have for you, you're not old enough to enter into a credit agreement like a pay-later plan.",
				steps:        []string{stepIdentity, stepOtherMethod},
				agentTitle:   "Below the legal age",
				agentMeaning: "Based on the date of birth given, the shopper is below the minimum age for entering into a credit agreement. This is a legal requirement.",
				agentDont:    "Don't change their date of birth for them, and never suggest using a parent's or anyone else's details or account.",
				agentSteps: []string{
					"If their date of birth was entered wrongly, suggest they correct it so it matches their ID.",
					"Otherwise, suggest another payment method for this purchase.",
				},
			},
			{
				reason: engine.CreditHistoryLimited,
				title:  "Your credit history is short",
				body:   "There isn't much credit history in your name yet, so there's too little information about how you've managed credit before.",
				steps: []string{
					"Keep paying any bills and credit you already have on time; this builds your history.",
					stepFreeze,
					stepOtherMethod,
				},
				agentTitle:   "Limited credit history",
				agentMeaning: "The shopper's credit history is shorter than the threshold set requires. This is common for young people and people who are new to the country.",
				agentDont:    "Don't tell them how long a history they need, and don't suggest opening new credit just to build one.",
				agentSteps: []string{
					"Mention that paying existing bills and credit on time builds a credit history.",
					"If they have a security freeze on their credit file, suggest lifting it temporarily before trying again.",
					"Mention that they can pay for this purchase with another payment method.",
				},
			},
			{
				reason: engine.DelinquentObligations,
				title:  "Your credit history shows late or missed payments",
				body:   "Your credit report shows late or missed payments on loans or credit accounts in the past 24 months.",
				steps: []string{
					"Bring any overdue accounts up to date.",
					"Set up automatic payments or reminders so future payments arrive on time.",
					"If a late payment on your report isn't yours or is wrong, dispute it with {bureau}.",
				},
				agentTitle:   "Late or missed payments",
				agentMeaning: "The shopper's credit report shows more late or missed payments in the past 24 months than the threshold set allows.",
				agentDont:    "Don't discuss individual accounts or payments, which you can't see, and don't suggest we can remove late payments from a credit report.",
				agentSteps: []string{
					"Suggest they bring any overdue accounts up to date.",
					"Suggest automatic payments or reminders so that future payments arrive on time.",
					"If they believe a late payment is wrong, tell them to dispute it with the credit bureau.",
				},
			},
			{
				reason:       engine.AffordabilityInsufficient,
				title:        "The payments may not fit your budget",
				body:         "After your regular costs, what you have left each month isn't enough to comfortably cover the payments for this purchase.",
				steps:        []string{stepSmaller, stepPayDown, stepIncome},
				agentTitle:   "Payments not affordable",
				agentMeaning: "The shopper's disposable income after regular costs did not cover the installments of this purchase with enough margin. It depends on the amount, so a smaller purchase is assessed differently.",
				agentDont:    "Don't tell them which amount would be approved: each purchase is assessed on its own.",
				agentSteps: []string{
					"Suggest a smaller purchase, for example with fewer items in the cart.",
					"Suggest that paying down existing balances frees up room in their budget.",
					"Suggest they check that the income in their account is complete.",
				},
			},
			{
				reason: engine.ReservesInsufficient,
				title:  "Your savings are low",
				body:   "The money you have in savings and other funds you can easily access is lower than we need to approve paying later.",
				steps: []string{
					"If you have savings or investments that aren't listed in your account, add them.",
					stepSmaller,
					stepOtherMethod,
				},
				agentTitle:   "Low savings",
				agentMeaning: "The shopper's savings and easily accessible funds were below the minimum of the threshold set.",
				agentDont:    "Don't question them about their savings or investments, and don't suggest moving money around to pass the check.",
				agentSteps: []string{
					"Suggest they add any savings or investments missing from their account.",
					"Suggest a smaller purchase or another payment method.",
				},
			},
			{
				reason:       engine.OutstandingCreditHigh,
				title:        "You owe a lot on credit right now",
				body:         "The total you currently owe on credit, including cards, loans and other pay-later plans, is above the limit we can approve.",
				steps:        []string{stepPayDown, stepFinishPlans, stepSmaller},
				agentTitle:   "High outstanding credit",
				agentMeaning: "The total credit the shopper owes, including cards, loans and pay-later plans, was above the maximum of the threshold set.",
				agentDont:    "Don't tell them how much they'd need to pay off, and don't suggest a new loan to pay off existing debt.",
				agentSteps: []string{
					"Suggest paying down existing balances.",
					"Suggest finishing some current pay-later plans before starting a new one.",
					"Suggest a smaller purchase.",
				},
			},
		},
	}
}()

var seedEnGB = func() localeSeed {
	const (
		stepIdentity    = "Check that your full legal name and date of birth are entered exactly as they appear on your passport or driving licence."
		stepAddress     = "Make sure your billing address is your current home address, written the same way as on your bank statements."
		stepElectoral   = "Register on the electoral roll at your current address; it helps lenders confirm who you are and where you live."
		stepIncome      = "Update your income in your account so it includes all your regular monthly income."
		stepPayOff      = "Pay off some of your existing balances to reduce what you owe each month."
		stepFinishPlans = "Finish paying off some of your current pay-later plans before starting a new one."
		stepSmaller     = "Try a smaller purchase, for example with fewer items in your basket."
		stepOtherMethod = "For this purchase, you can pay with another payment method."
	)
	return localeSeed{
		locale: "en-GB",
		frame: Frame{
			ReviewReceivedTitle: "We've received your request for a review",
			ReviewReceivedBody: "Thank you. One of our credit officers (a person, not an automated system) will look again at the " +
				"decision on your purchase, reference {reference}, taking account of what you've told us. We'll reply " +
				"by {dueDate} at the latest.",
			ReviewUpheldTitle: "Your review is complete: the decision stands",
			ReviewUpheldBody: "One of our credit officers has looked again at the decision on your purchase, reference {reference}, " +
				"and at what you told us. The decision stays as it was, for this reason:\n\n{reason}\n\nThis doesn't " +
				"affect your credit score, and each future purchase is assessed on its own.",
			ReviewOverturnedTitle: "Good news: your purchase is approved",
			ReviewOverturnedBody: "One of our credit officers has looked again at the decision on your purchase, reference {reference}, " +
				"and changed it: your purchase is approved. The reason:\n\n{reason}\n\nThe new decision's reference is " +
				"{newReference}.",
			Title:     "We couldn't approve this purchase",
			Intro:     "We couldn't approve paying later for your {amount} purchase at {merchant}. Here's what affected the decision:",
			Closing:   "Then you're welcome to try again: every purchase gets a new automated assessment, and this decline doesn't affect your credit score.",
			Reference: "Your decision reference is {reference}. Please quote it if you contact us.",
			HumanReview: "This decision was made automatically. You have the right to ask for a person to review it: we'll explain how we assessed your application, you can give us your point of view, and you can challenge the decision. " +
				"To ask, go to Help in our app or use the link in your checkout confirmation, and quote your decision reference {reference}.",
			FCRA: "Our decision was based in whole or in part on information in a consumer report from {bureau}, {bureauAddress}, toll-free {bureauPhone}. " +
				"{bureau} did not make this decision and can't tell you why it was made. " +
				"Under the Fair Credit Reporting Act, you have the right to a free copy of your report from {bureau} if you ask within 60 days, and the right to dispute with {bureau} the accuracy or completeness of any information in it. " +
				"We also used your credit score: {score}, on a scale from {scoreRange}, as of {scoreDate}. Key factors that adversely affected your score: {keyFactors}.",
			ECOA: "The federal Equal Credit Opportunity Act prohibits creditors from discriminating against credit applicants on the basis of race, color, religion, national origin, sex, marital status, or age (provided the applicant has the capacity to enter into a binding contract); " +
				"because all or part of the applicant's income derives from any public assistance program; or because the applicant has in good faith exercised any right under the Consumer Credit Protection Act. " +
				"The federal agency that administers compliance with this law concerning this creditor is the {regulator}.",
			NoKeyFactors:     "none reported by the credit reference agency",
			ExplainTitle:     "How we assessed your purchase",
			ExplainApproved:  "We approved paying later for your {amount} purchase at {merchant}. The assessment was automated: we checked each factor below against our requirements, and every one met them.",
			ExplainDeclined:  "We couldn't approve paying later for your {amount} purchase at {merchant}. The assessment was automated: we checked each factor below against our requirements. We don't share the exact requirements, because they're part of how we manage risk and they change over time, but we tell you which factors fell short and roughly by how much.",
			ExplainMet:       "{factor}: met our requirements.",
			ExplainNotMet:    "{factor}: didn't meet our requirements.",
			ExplainNarrowly:  "{factor}: fell just short of our requirements.",
			ExplainShort:     "{factor}: fell short of our requirements.",
			ExplainWellShort: "{factor}: fell well short of our requirements.",
			FactorNames: [NumFactors]string{
				"Your credit score",
				"Your income",
				"How long you've been in your current job",
				"Your recent pay-later purchases",
				"Your debts compared with your income",
				"Your address",
				"Your identity and age",
				"Your credit history",
				"Whether the repayments are affordable for you",
				"Your savings",
				"What you already owe on credit",
			},
		},
		agentMeaningLabel: "What it means:",
		agentDontLabel:    "What not to say or promise:",
		agentCommon: "You can't approve a purchase yourself, and you can't change or influence the decision; you have no more information than the reason shown. " +
			"A new purchase gets a new automated assessment, so don't predict its outcome. " +
			"You can confirm that a decline doesn't affect the shopper's credit score, and that a pending authorisation on their card from a declined card purchase is released by their card issuer, not by us.",
		reasons: []seed{
			{
				reason: engine.CreditScoreInsufficient,
				title:  "Your credit score is below our minimum",
				body: "We used your credit score from {bureau}: {score}, on a scale of {scoreRange}, as of {scoreDate}. It's below the minimum we need to approve paying later. " +
					"{bureau} didn't make this decision and can't tell you why it was made. " +
					"You're entitled to a free copy of your credit report from {bureau}, and to ask them to correct anything in it that's inaccurate.",
				steps: []string{
					"Get your free credit report from {bureau} and check it for mistakes.",
					"If something's wrong, ask {bureau} to correct it.",
					"Pay bills on time, keep balances low and register on the electoral roll; these can improve your score over time.",
				},
				agentTitle:   "Credit score below the minimum",
				agentMeaning: "The shopper's credit score from the market's credit reference agency was below the minimum of the threshold set in force. The pop-up showed them the score, its range and date, the agency's name, and their right to a free credit report and to have errors corrected.",
				agentDont:    "Don't discuss or interpret what's in their credit report, and don't offer to correct it: only the agency can do that.",
				agentSteps: []string{
					"Point them to the agency named in the pop-up for a free copy of their credit report.",
					"If they think the report is wrong, tell them to raise it directly with the agency.",
					"Mention that paying on time, keeping balances low and being on the electoral roll can improve a score over time.",
				},
			},
			{
				reason:       engine.IncomeInsufficient,
				title:        "Your monthly income is below our minimum",
				body:         "The monthly income we hold for you is lower than the minimum we need to approve paying later. Income that isn't listed in your account, such as from a second job, benefits or a pension, wasn't counted.",
				steps:        []string{stepIncome, stepOtherMethod},
				agentTitle:   "Monthly income below the minimum",
				agentMeaning: "The monthly income on the shopper's account was below the minimum of the threshold set. Only the income on record at the time of the purchase was used.",
				agentDont:    "Don't ask for or accept proof of income over chat or phone, and don't say that updating their income will lead to an approval.",
				agentSteps: []string{
					"Suggest they check that the income in their account includes all their regular income, such as a second job, benefits or a pension.",
					"Mention that they can pay for this purchase with another payment method.",
				},
			},
			{
				reason: engine.IncomeUnverified,
				title:  "We couldn't verify your income",
				body:   "We weren't able to confirm the income you gave us, so we couldn't rely on it for this purchase.",
				steps: []string{
					stepIncome,
					"If you're asked to connect your bank account or share proof of income, complete that step so we can confirm it.",
				},
				agentTitle:   "Income could not be verified",
				agentMeaning: "The income the shopper gave could not be confirmed, so the assessment could not rely on it.",
				agentDont:    "Don't collect payslips, bank statements or other documents yourself, and don't confirm their income on their behalf.",
				agentSteps: []string{
					"Suggest they check that the income in their account is accurate and complete.",
					"If they're asked to connect a bank account or share proof of income, encourage them to finish that step.",
				},
			},
			{
				reason: engine.EmploymentLength,
				title:  "You've been in your current job for a short time",
				body:   "You've been with your current employer for less time than we need to approve paying later. This is about how long you've been in your job, not about the job itself.",
				steps: []string{
					"If the start date of your current job is wrong in your account, correct it.",
					stepOtherMethod,
				},
				agentTitle:   "Short time in current employment",
				agentMeaning: "The shopper's time with their current employer was below the minimum of the threshold set. It says nothing about the kind of job or the employer.",
				agentDont:    "Don't tell them how many months they need, because cut-offs can change, and don't ask for employment documents.",
				agentSteps: []string{
					"Suggest they check that the start date of their current job is correct in their account.",
					"Mention that they can pay for this purchase with another payment method.",
				},
			},
			{
				reason: engine.RecentPlansExcessive,
				title:  "You've opened several pay-later plans recently",
				body:   "You've started several pay-later plans in the past 30 days. To help you stay on top of your spending, we limit how many new plans can be opened in a short time.",
				steps: []string{
					stepFinishPlans,
					"Check your upcoming payments in your account so you know what's still due.",
				},
				agentTitle:   "Many pay-later plans opened recently",
				agentMeaning: "The shopper opened more pay-later plans in the past 30 days than the threshold set allows. The limit is there to help shoppers keep their spending manageable.",
				agentDont:    "Don't tell them how many plans are allowed or when they'll be able to open the next one.",
				agentSteps: []string{
					"Suggest they finish paying off some of their current plans before starting a new one.",
					"Point them to the upcoming payments in their account.",
				},
			},
			{
				reason:       engine.ObligationsExcessive,
				title:        "Your debt repayments are high compared with your income",
				body:         "What you pay each month towards loans, credit cards and other payment plans takes up a large share of your income.",
				steps:        []string{stepPayOff, stepIncome},
				agentTitle:   "Debt repayments high relative to income",
				agentMeaning: "The shopper's monthly debt repayments as a share of their monthly income (the debt-to-income ratio) were above the maximum of the threshold set.",
				agentDont:    "Don't advise them which debts to pay off first, and don't suggest taking on new credit to pay off existing debt.",
				agentSteps: []string{
					"Suggest that paying off existing balances reduces their monthly repayments.",
					"Suggest they check that the income in their account is complete and up to date.",
				},
			},
			{
				reason: engine.ResidenceLength,
				title:  "You moved to your current address recently",
				body:   "You've lived at your current address for a short time, so there's less information linked to it to support paying later.",
				steps: []string{
					stepAddress,
					stepElectoral,
					"Update your address with your bank and other lenders so your records show where you live now.",
				},
				agentTitle:   "Short time at current address",
				agentMeaning: "The shopper has lived at their current address for less time than the threshold set requires. After a move, less information is linked to the new address.",
				agentDont:    "Don't change their address for them, and don't suggest using a previous address or someone else's.",
				agentSteps: []string{
					"Suggest they make sure their billing address is their current home address, written as on their bank statements.",
					"Suggest they register on the electoral roll at their current address and update it with their bank and other lenders.",
				},
			},
			{
				reason: engine.ResidenceUnverified,
				title:  "We couldn't confirm your address",
				body:   "We couldn't match the address you entered to your records. This often happens after a move, or when a flat number or postcode is missing or different.",
				steps: []string{
					stepAddress,
					"Include your flat or house number, and double-check the postcode.",
					"Use your home address, not a PO box, work address or mail redirection address.",
				},
				agentTitle:   "Address could not be verified",
				agentMeaning: "The address given could not be matched to the shopper's records. Common causes are a recent move, a missing flat number or a mistyped postcode.",
				agentDont:    "Don't reveal or confirm any address we may hold, and don't accept documents as proof of address.",
				agentSteps: []string{
					"Suggest they enter their current home address exactly as on their bank statements, including any flat number.",
					"Remind them that PO boxes, work addresses and redirection addresses can't be used.",
				},
			},
			{
				reason: engine.IdentityUnverified,
				title:  "We couldn't verify your identity",
				body:   "We couldn't confirm that the details entered belong to you. This can happen when your name, date of birth or address doesn't match your records, for example after a move or a change of name.",
				steps: []string{
					stepIdentity,
					stepAddress,
					stepElectoral,
					"Use your own details and your own card or bank account.",
				},
				agentTitle:   "Identity could not be verified",
				agentMeaning: "The shopper's identity could not be confirmed from the details given. Identity is checked before anything else, and this reason says nothing about their finances.",
				agentDont:    "Don't try to verify their identity yourself, don't accept ID documents over chat, email or phone, and don't guess which detail didn't match: you can't see it.",
				agentSteps: []string{
					"Suggest they check that their legal name and date of birth match their passport or driving licence and that their address is current.",
					"Suggest they register on the electoral roll at their current address.",
					"Remind them to use their own details and their own card or bank account.",
				},
			},
			{
				reason:       engine.UnderLegalAge,
				title:        "You need to be of legal age to pay later",
				body:         "Based on the date of birth we hold for you, you're not old enough to enter into a credit agreement such as a pay-later plan.",
				steps:        []string{stepIdentity, stepOtherMethod},
				agentTitle:   "Below the legal age",
				agentMeaning: "Based on the date of birth given, the shopper is below the minimum age for entering into a credit agreement. This is a legal requirement.",
				agentDont:    "Don't change their date of birth for them, and never suggest using a parent's or anyone else's details or account.",
				agentSteps: []string{
					"If their date of birth was entered wrongly, suggest they correct it so it matches their ID.",
					"Otherwise, suggest another payment method for this purchase.",
				},
			},
			{
				reason: engine.CreditHistoryLimited,
				title:  "Your credit history is short",
				body:   "There isn't much credit history in your name yet, so there's too little information about how you've managed credit before.",
				steps: []string{
					"Keep paying any bills and credit you already have on time; this builds your history.",
					stepElectoral,
					stepOtherMethod,
				},
				agentTitle:   "Limited credit history",
				agentMeaning: "The shopper's credit history is shorter than the threshold set requires. This is common for young people and people who are new to the UK.",
				agentDont:    "Don't tell them how long a history they need, and don't suggest opening new credit just to build one.",
				agentSteps: []string{
					"Mention that paying existing bills and credit on time builds a credit history.",
					"Suggest they register on the electoral roll at their current address.",
					"Mention that they can pay for this purchase with another payment method.",
				},
			},
			{
				reason: engine.DelinquentObligations,
				title:  "Your credit history shows late or missed payments",
				body:   "Your credit report shows late or missed payments on loans or credit accounts in the past 24 months.",
				steps: []string{
					"Bring any overdue accounts up to date.",
					"Set up Direct Debits or reminders so future payments arrive on time.",
					"If a late payment on your report isn't yours or is wrong, ask {bureau} to correct it.",
				},
				agentTitle:   "Late or missed payments",
				agentMeaning: "The shopper's credit report shows more late or missed payments in the past 24 months than the threshold set allows.",
				agentDont:    "Don't discuss individual accounts or payments, which you can't see, and don't suggest we can remove late payments from a credit report.",
				agentSteps: []string{
					"Suggest they bring any overdue accounts up to date.",
					"Suggest Direct Debits or reminders so that future payments arrive on time.",
					"If they believe a late payment is wrong, tell them to raise it with the credit reference agency.",
				},
			},
			{
				reason:       engine.AffordabilityInsufficient,
				title:        "The repayments may not fit your budget",
				body:         "After your regular outgoings, what you have left each month isn't enough to comfortably cover the repayments for this purchase.",
				steps:        []string{stepSmaller, stepPayOff, stepIncome},
				agentTitle:   "Repayments not affordable",
				agentMeaning: "The shopper's disposable income after regular outgoings did not cover the instalments of this purchase with enough margin. It depends on the amount, so a smaller purchase is assessed differently.",
				agentDont:    "Don't tell them which amount would be approved: each purchase is assessed on its own.",
				agentSteps: []string{
					"Suggest a smaller purchase, for example with fewer items in the basket.",
					"Suggest that paying off existing balances frees up room in their budget.",
					"Suggest they check that the income in their account is complete.",
				},
			},
			{
				reason: engine.ReservesInsufficient,
				title:  "Your savings are low",
				body:   "The money you have in savings and other funds you can easily access is lower than we need to approve paying later.",
				steps: []string{
					"If you have savings or investments that aren't listed in your account, add them.",
					stepSmaller,
					stepOtherMethod,
				},
				agentTitle:   "Low savings",
				agentMeaning: "The shopper's savings and easily accessible funds were below the minimum of the threshold set.",
				agentDont:    "Don't question them about their savings or investments, and don't suggest moving money around to pass the check.",
				agentSteps: []string{
					"Suggest they add any savings or investments missing from their account.",
					"Suggest a smaller purchase or another payment method.",
				},
			},
			{
				reason:       engine.OutstandingCreditHigh,
				title:        "You owe a lot on credit right now",
				body:         "The total you currently owe on credit, including cards, loans and other pay-later plans, is above the limit we can approve.",
				steps:        []string{stepPayOff, stepFinishPlans, stepSmaller},
				agentTitle:   "High outstanding credit",
				agentMeaning: "The total credit the shopper owes, including cards, loans and pay-later plans, was above the maximum of the threshold set.",
				agentDont:    "Don't tell them how much they'd need to pay off, and don't suggest a new loan to pay off existing debt.",
				agentSteps: []string{
					"Suggest paying off existing balances.",
					"Suggest finishing some current pay-later plans before starting a new one.",
					"Suggest a smaller purchase.",
				},
			},
		},
	}
}()

var seedSvSE = func() localeSeed {
	const (
		stepIdentity    = "Kontrollera att du har angett ditt eget personnummer och ditt namn exakt som på din id-handling."
		stepAddress     = "Kontrollera att du har angett din nuvarande folkbokföringsadress, skriven på samma sätt som hos Skatteverket."
		stepMoved       = "Har du flyttat nyligen? Se till att du har anmält flytten till Skatteverket så att din folkbokföring stämmer."
		stepIncome      = "Uppdatera inkomsten i ditt konto så att alla dina regelbundna inkomster finns med."
		stepPayDown     = "Betala av på dina befintliga skulder så att dina månadskostnader minskar."
		stepFinishPlans = "Betala klart några av dina pågående delbetalningar innan du startar en ny."
		stepSmaller     = "Prova med ett mindre köp, till exempel med färre varor i varukorgen."
		stepOtherMethod = "Det här köpet kan du betala med ett annat betalsätt."
	)
	return localeSeed{
		locale: "sv-SE",
		frame: Frame{
			ReviewReceivedTitle: "Vi har tagit emot din begäran om omprövning",
			ReviewReceivedBody: "Tack! En av våra kredithandläggare – en person, inte ett automatiskt system – går igenom beslutet om " +
				"ditt köp (referens {reference}) och tar hänsyn till det du har berättat för oss. Du får besked senast " +
				"den {dueDate}.",
			ReviewUpheldTitle: "Omprövningen är klar – beslutet står fast",
			ReviewUpheldBody: "En av våra kredithandläggare har gått igenom beslutet om ditt köp (referens {reference}) och det du " +
				"skrev till oss. Beslutet står fast, och motiveringen är:\n\n{reason}\n\nDet här påverkar inte din " +
				"kreditvärdighet, och varje nytt köp bedöms för sig.",
			ReviewOverturnedTitle: "Goda nyheter – ditt köp är godkänt",
			ReviewOverturnedBody: "En av våra kredithandläggare har gått igenom beslutet om ditt köp (referens {reference}) och ändrat " +
				"det: köpet är godkänt. Motiveringen är:\n\n{reason}\n\nDet nya beslutet har referens {newReference}.",
			Title:     "Vi kunde inte godkänna köpet",
			Intro:     "Vi kunde inte godkänna att du betalar senare för ditt köp på {amount} hos {merchant}. Det här påverkade beslutet:",
			Closing:   "Sedan är du välkommen att försöka igen. Varje köp bedöms automatiskt på nytt, och ett avslag påverkar inte din kreditpoäng.",
			Reference: "Ditt beslutsnummer är {reference}. Ange det om du kontaktar oss.",
			HumanReview: "Beslutet fattades automatiskt. Du har rätt att be att en person hos oss granskar det: vi förklarar hur vi har gjort bedömningen, du får framföra dina synpunkter och du kan bestrida beslutet. " +
				"Du begär en granskning under Hjälp i vår app eller via länken i din köpbekräftelse. Ange ditt beslutsnummer {reference}.",
			FCRA: "Beslutet grundades helt eller delvis på uppgifter i en kreditupplysning från {bureau}, {bureauAddress}, avgiftsfritt telefonnummer {bureauPhone}. " +
				"Det är inte {bureau} som har fattat beslutet, och {bureau} kan inte förklara varför det fattades. " +
				"Enligt den amerikanska lagen Fair Credit Reporting Act har du rätt att få en kostnadsfri kopia av din kreditupplysning från {bureau} om du begär den inom 60 dagar, och rätt att hos {bureau} bestrida uppgifter i den som är felaktiga eller ofullständiga. " +
				"Vi använde också din kreditpoäng: {score} på en skala {scoreRange}, per den {scoreDate}. Det här påverkade din kreditpoäng negativt: {keyFactors}.",
			ECOA: "Den amerikanska federala lagen Equal Credit Opportunity Act förbjuder kreditgivare att diskriminera den som ansöker om kredit på grund av ras, hudfärg, religion, nationellt ursprung, kön, civilstånd eller ålder (förutsatt att den sökande är behörig att ingå ett bindande avtal), " +
				"på grund av att hela eller delar av den sökandes inkomst kommer från ett offentligt bidragsprogram, eller på grund av att den sökande i god tro har utövat en rättighet enligt Consumer Credit Protection Act. " +
				"Den federala myndighet som övervakar att kreditgivaren följer lagen är {regulator}.",
			NoKeyFactors:     "kreditupplysningsföretaget angav inga",
			ExplainTitle:     "Så bedömde vi ditt köp",
			ExplainApproved:  "Vi godkände att du betalar senare för ditt köp på {amount} hos {merchant}. Bedömningen gjordes automatiskt: vi jämförde varje faktor nedan med våra krav, och alla uppfyllde dem.",
			ExplainDeclined:  "Vi kunde inte godkänna att du betalar senare för ditt köp på {amount} hos {merchant}. Bedömningen gjordes automatiskt: vi jämförde varje faktor nedan med våra krav. Vi redovisar inte de exakta kraven, eftersom de är en del av hur vi hanterar risker och ändras över tid, men vi berättar vilka faktorer som inte räckte till och ungefär hur mycket som saknades.",
			ExplainMet:       "{factor}: uppfyllde våra krav.",
			ExplainNotMet:    "{factor}: uppfyllde inte våra krav.",
			ExplainNarrowly:  "{factor}: nådde nästan upp till våra krav.",
			ExplainShort:     "{factor}: nådde inte upp till våra krav.",
			ExplainWellShort: "{factor}: var långt ifrån våra krav.",
			FactorNames: [NumFactors]string{
				"Din kreditpoäng",
				"Din inkomst",
				"Hur länge du har haft din nuvarande anställning",
				"Dina senaste köp med betala senare",
				"Dina skulder i förhållande till din inkomst",
				"Din adress",
				"Din identitet och ålder",
				"Din kredithistorik",
				"Om betalningarna ryms i din ekonomi",
				"Ditt sparande",
				"Dina befintliga krediter",
			},
		},
		agentMeaningLabel: "Vad det betyder:",
		agentDontLabel:    "Säg eller lova inte:",
		agentCommon: "Du kan inte själv godkänna ett köp, och du kan inte ändra eller påverka beslutet. Du har ingen annan information än orsaken som visas. " +
			"Ett nytt köp bedöms automatiskt på nytt, så förutsäg inte hur det går. " +
			"Du kan bekräfta att avslaget inte påverkar kundens kreditpoäng, och att ett reserverat belopp på kortet efter ett nekat kortköp släpps av kortutgivaren, inte av oss.",
		reasons: []seed{
			{
				reason: engine.CreditScoreInsufficient,
				title:  "Din kreditpoäng är lägre än vi kräver",
				body: "Vi använde din kreditpoäng från {bureau}: {score} på en skala {scoreRange}, hämtad den {scoreDate}. Den är lägre än vad vi kräver för att du ska kunna betala senare. " +
					"Det är inte {bureau} som har fattat beslutet, och {bureau} kan inte förklara det. " +
					"Du har rätt att kostnadsfritt få veta vilka uppgifter {bureau} har om dig och att begära att felaktiga uppgifter rättas.",
				steps: []string{
					"Begär ett kostnadsfritt registerutdrag från {bureau} och kontrollera att uppgifterna stämmer.",
					"Om något är fel, begär rättelse hos {bureau}.",
					"Betala räkningar i tid och håll nere dina skulder, så kan din kreditpoäng bli bättre med tiden.",
				},
				agentTitle:   "Kreditpoäng under lägstanivån",
				agentMeaning: "Kundens kreditpoäng från marknadens kreditupplysningsföretag var lägre än lägstanivån i de gränsvärden som gäller. I popup-rutan fick kunden se poängen, skalan, datumet och kreditupplysningsföretagets namn, och sin rätt till ett kostnadsfritt registerutdrag och till rättelse.",
				agentDont:    "Diskutera eller tolka inte vad som står i kundens kreditupplysning, och erbjud dig inte att rätta något: det kan bara kreditupplysningsföretaget göra.",
				agentSteps: []string{
					"Hänvisa kunden till kreditupplysningsföretaget som nämns i popup-rutan för ett kostnadsfritt registerutdrag.",
					"Om kunden tror att uppgifterna är fel, be kunden begära rättelse direkt hos kreditupplysningsföretaget.",
					"Berätta att det kan förbättra kreditpoängen med tiden att betala i tid och hålla nere skulderna.",
				},
			},
			{
				reason:       engine.IncomeInsufficient,
				title:        "Din månadsinkomst är lägre än vi kräver",
				body:         "Den månadsinkomst vi har registrerad för dig är lägre än vad som krävs för att du ska kunna betala senare. Inkomster som inte finns med i ditt konto, till exempel från ett extrajobb, a-kassa eller pension, har inte räknats med.",
				steps:        []string{stepIncome, stepOtherMethod},
				agentTitle:   "Månadsinkomst under lägstanivån",
				agentMeaning: "Kundens registrerade månadsinkomst var lägre än lägstanivån i gränsvärdena. Bara den inkomst som var registrerad vid köpet räknades.",
				agentDont:    "Be inte om och ta inte emot inkomstunderlag via chatt eller telefon, och säg inte att en uppdaterad inkomst leder till ett godkännande.",
				agentSteps: []string{
					"Föreslå att kunden kontrollerar att alla regelbundna inkomster finns med i kontot, till exempel extrajobb, a-kassa eller pension.",
					"Berätta att kunden kan betala det här köpet med ett annat betalsätt.",
				},
			},
			{
				reason: engine.IncomeUnverified,
				title:  "Vi kunde inte bekräfta din inkomst",
				body:   "Vi kunde inte bekräfta den inkomst du har uppgett, så vi kunde inte ta hänsyn till den för det här köpet.",
				steps: []string{
					stepIncome,
					"Om du ombeds koppla ditt bankkonto eller visa underlag för din inkomst, gör klart det steget så att vi kan bekräfta den.",
				},
				agentTitle:   "Inkomsten kunde inte bekräftas",
				agentMeaning: "Inkomsten som kunden uppgett kunde inte bekräftas, så bedömningen kunde inte ta hänsyn till den.",
				agentDont:    "Samla inte själv in lönespecifikationer, kontoutdrag eller andra underlag, och bekräfta inte kundens inkomst åt kunden.",
				agentSteps: []string{
					"Föreslå att kunden kontrollerar att inkomsten i kontot är korrekt och komplett.",
					"Om kunden ombeds koppla ett bankkonto eller visa inkomstunderlag, uppmuntra kunden att göra klart det steget.",
				},
			},
			{
				reason: engine.EmploymentLength,
				title:  "Du har haft din nuvarande anställning en kort tid",
				body:   "Du har varit anställd hos din nuvarande arbetsgivare kortare tid än vi kräver för att du ska kunna betala senare. Det handlar om hur länge du har haft jobbet, inte om själva jobbet.",
				steps: []string{
					"Om startdatumet för din nuvarande anställning är fel i ditt konto, rätta det.",
					stepOtherMethod,
				},
				agentTitle:   "Kort tid i nuvarande anställning",
				agentMeaning: "Kundens tid hos nuvarande arbetsgivare var kortare än lägstanivån i gränsvärdena. Det säger ingenting om vilket slags jobb det är eller om arbetsgivaren.",
				agentDont:    "Säg inte hur många månader som krävs, eftersom gränsvärdena kan ändras, och be inte om anställningsbevis.",
				agentSteps: []string{
					"Föreslå att kunden kontrollerar att startdatumet för anställningen stämmer i kontot.",
					"Berätta att kunden kan betala det här köpet med ett annat betalsätt.",
				},
			},
			{
				reason: engine.RecentPlansExcessive,
				title:  "Du har startat flera delbetalningar nyligen",
				body:   "Du har startat flera köp med betala senare under de senaste 30 dagarna. För att hjälpa dig att ha koll på dina utgifter begränsar vi hur många nya som kan startas på kort tid.",
				steps: []string{
					stepFinishPlans,
					"Se över dina kommande betalningar i ditt konto så att du vet vad som återstår att betala.",
				},
				agentTitle:   "Många delbetalningar startade nyligen",
				agentMeaning: "Kunden har startat fler köp med betala senare under de senaste 30 dagarna än gränsvärdena tillåter. Gränsen finns för att hjälpa kunder att hålla sina utgifter på en hanterbar nivå.",
				agentDont:    "Säg inte hur många köp som är tillåtna eller när kunden kan starta nästa.",
				agentSteps: []string{
					"Föreslå att kunden betalar klart några pågående delbetalningar innan en ny startas.",
					"Visa kunden var de kommande betalningarna finns i kontot.",
				},
			},
			{
				reason:       engine.ObligationsExcessive,
				title:        "Dina skuldbetalningar är höga i förhållande till din inkomst",
				body:         "Det du betalar varje månad för lån, kreditkort och andra avbetalningar tar upp en stor del av din inkomst.",
				steps:        []string{stepPayDown, stepIncome},
				agentTitle:   "Höga skuldbetalningar i förhållande till inkomsten",
				agentMeaning: "Kundens månatliga skuldbetalningar i förhållande till månadsinkomsten (skuldkvoten) var högre än gränsvärdena tillåter.",
				agentDont:    "Ge inga råd om vilka skulder som ska betalas först, och föreslå inte att kunden tar nya krediter för att betala befintliga skulder.",
				agentSteps: []string{
					"Berätta att månadskostnaderna minskar om kunden betalar av på befintliga skulder.",
					"Föreslå att kunden kontrollerar att inkomsten i kontot är komplett och aktuell.",
				},
			},
			{
				reason:       engine.ResidenceLength,
				title:        "Du har nyligen flyttat till din nuvarande adress",
				body:         "Du har bott på din nuvarande adress en kort tid, så det finns mindre information kopplad till den som stöd för att du ska kunna betala senare.",
				steps:        []string{stepAddress, stepMoved},
				agentTitle:   "Kort tid på nuvarande adress",
				agentMeaning: "Kunden har bott på sin nuvarande adress kortare tid än gränsvärdena kräver. Efter en flytt finns det mindre information kopplad till den nya adressen.",
				agentDont:    "Ändra inte kundens adress åt kunden, och föreslå inte att kunden använder en tidigare adress eller någon annans.",
				agentSteps: []string{
					"Föreslå att kunden kontrollerar att adressen är den nuvarande folkbokföringsadressen.",
					"Om kunden har flyttat nyligen, påminn om att flytten ska vara anmäld till Skatteverket.",
				},
			},
			{
				reason: engine.ResidenceUnverified,
				title:  "Vi kunde inte bekräfta din adress",
				body:   "Vi kunde inte matcha adressen du angav mot dina uppgifter. Det händer ofta efter en flytt, eller när c/o, lägenhetsnummer eller postnummer saknas eller skiljer sig åt.",
				steps: []string{
					stepAddress,
					"Ta med lägenhetsnummer och eventuell c/o-adress, och dubbelkolla postnumret.",
					stepMoved,
				},
				agentTitle:   "Adressen kunde inte bekräftas",
				agentMeaning: "Adressen kunde inte matchas mot kundens uppgifter. Vanliga orsaker är en nyligen gjord flytt, ett saknat lägenhetsnummer eller ett felskrivet postnummer.",
				agentDont:    "Avslöja eller bekräfta inte någon adress vi kan ha registrerad, och ta inte emot dokument som bevis på adressen.",
				agentSteps: []string{
					"Föreslå att kunden anger sin nuvarande folkbokföringsadress exakt, med lägenhetsnummer och eventuell c/o-adress.",
					"Om kunden har flyttat nyligen, påminn om att flytten ska vara anmäld till Skatteverket.",
				},
			},
			{
				reason: engine.IdentityUnverified,
				title:  "Vi kunde inte bekräfta din identitet",
				body:   "Vi kunde inte bekräfta att uppgifterna som angavs tillhör dig. Det kan hända om namn, personnummer eller adress inte stämmer med dina uppgifter, till exempel efter en flytt eller ett namnbyte.",
				steps: []string{
					stepIdentity,
					stepAddress,
					"Använd dina egna uppgifter och ditt eget kort eller bankkonto.",
				},
				agentTitle:   "Identiteten kunde inte bekräftas",
				agentMeaning: "Kundens identitet kunde inte bekräftas utifrån de uppgifter som angavs. Identiteten kontrolleras före allt annat, och orsaken säger ingenting om kundens ekonomi.",
				agentDont:    "Försök inte bekräfta kundens identitet själv, ta inte emot id-handlingar via chatt, mejl eller telefon, och gissa inte vilken uppgift som inte stämde: du kan inte se det.",
				agentSteps: []string{
					"Föreslå att kunden kontrollerar att personnummer och namn stämmer med id-handlingen och att adressen är aktuell.",
					"Påminn kunden om att använda sina egna uppgifter och sitt eget kort eller bankkonto.",
				},
			},
			{
				reason:       engine.UnderLegalAge,
				title:        "Du behöver vara myndig för att betala senare",
				body:         "Enligt de uppgifter vi har om din ålder är du inte gammal nog att ingå ett kreditavtal, som ett köp med betala senare.",
				steps:        []string{stepIdentity, stepOtherMethod},
				agentTitle:   "Under myndighetsåldern",
				agentMeaning: "Enligt de uppgifter som angavs är kunden under den ålder som krävs för att ingå ett kreditavtal. Det är ett lagkrav.",
				agentDont:    "Ändra inte kundens uppgifter åt kunden, och föreslå aldrig att kunden använder en förälders eller någon annans uppgifter eller konto.",
				agentSteps: []string{
					"Om personnumret har angetts fel, föreslå att kunden rättar det så att det stämmer med id-handlingen.",
					"Annars kan du föreslå ett annat betalsätt för det här köpet.",
				},
			},
			{
				reason: engine.CreditHistoryLimited,
				title:  "Din kredithistorik är kort",
				body:   "Det finns ännu inte så mycket kredithistorik i ditt namn, så vi har för lite information om hur du har skött krediter tidigare.",
				steps: []string{
					"Fortsätt betala dina räkningar och eventuella krediter i tid, så bygger du upp din historik.",
					stepOtherMethod,
				},
				agentTitle:   "Kort kredithistorik",
				agentMeaning: "Kundens kredithistorik är kortare än gränsvärdena kräver. Det är vanligt bland unga och bland personer som nyligen har flyttat till Sverige.",
				agentDont:    "Säg inte hur lång historik som krävs, och föreslå inte att kunden tar nya krediter bara för att bygga upp en historik.",
				agentSteps: []string{
					"Berätta att det bygger upp en historik att betala räkningar och befintliga krediter i tid.",
					"Berätta att kunden kan betala det här köpet med ett annat betalsätt.",
				},
			},
			{
				reason: engine.DelinquentObligations,
				title:  "Din kredithistorik visar sena eller missade betalningar",
				body:   "Din kreditupplysning visar sena eller missade betalningar på lån eller krediter under de senaste 24 månaderna.",
				steps: []string{
					"Betala det som är förfallet så att du är i fas med dina betalningar.",
					"Använd autogiro eller påminnelser så att kommande betalningar kommer in i tid.",
					"Om en sen betalning i din kreditupplysning inte är din eller är fel, begär rättelse hos {bureau}.",
				},
				agentTitle:   "Sena eller missade betalningar",
				agentMeaning: "Kundens kreditupplysning visar fler sena eller missade betalningar under de senaste 24 månaderna än gränsvärdena tillåter.",
				agentDont:    "Diskutera inte enskilda konton eller betalningar, som du inte kan se, och antyd inte att vi kan ta bort betalningsanmärkningar eller sena betalningar.",
				agentSteps: []string{
					"Föreslå att kunden betalar det som är förfallet.",
					"Föreslå autogiro eller påminnelser så att kommande betalningar kommer in i tid.",
					"Om kunden tror att en sen betalning är fel, be kunden begära rättelse hos kreditupplysningsföretaget.",
				},
			},
			{
				reason:       engine.AffordabilityInsufficient,
				title:        "Betalningarna ryms kanske inte i din budget",
				body:         "När dina fasta kostnader är betalda räcker det du har kvar varje månad inte med god marginal till betalningarna för det här köpet.",
				steps:        []string{stepSmaller, stepPayDown, stepIncome},
				agentTitle:   "Betalningarna ryms inte i budgeten",
				agentMeaning: "Kundens inkomst efter fasta kostnader räckte inte med tillräcklig marginal till delbetalningarna för det här köpet. Det beror på beloppet, så ett mindre köp bedöms annorlunda.",
				agentDont:    "Säg inte vilket belopp som skulle godkännas: varje köp bedöms för sig.",
				agentSteps: []string{
					"Föreslå ett mindre köp, till exempel med färre varor i varukorgen.",
					"Berätta att det ger mer utrymme i budgeten att betala av på befintliga skulder.",
					"Föreslå att kunden kontrollerar att inkomsten i kontot är komplett.",
				},
			},
			{
				reason: engine.ReservesInsufficient,
				title:  "Ditt sparande är lågt",
				body:   "Det du har i sparande och andra pengar som du lätt kommer åt är mindre än vi kräver för att du ska kunna betala senare.",
				steps: []string{
					"Om du har sparande eller investeringar som inte finns med i ditt konto, lägg till dem.",
					stepSmaller,
					stepOtherMethod,
				},
				agentTitle:   "Lågt sparande",
				agentMeaning: "Kundens sparande och lättillgängliga pengar var lägre än lägstanivån i gränsvärdena.",
				agentDont:    "Fråga inte ut kunden om sparande eller investeringar, och föreslå inte att kunden flyttar pengar för att klara kontrollen.",
				agentSteps: []string{
					"Föreslå att kunden lägger till sparande eller investeringar som saknas i kontot.",
					"Föreslå ett mindre köp eller ett annat betalsätt.",
				},
			},
			{
				reason:       engine.OutstandingCreditHigh,
				title:        "Dina utestående krediter är höga",
				body:         "Det du sammanlagt är skyldig på krediter, inklusive kort, lån och andra köp med betala senare, är högre än den gräns vi kan godkänna.",
				steps:        []string{stepPayDown, stepFinishPlans, stepSmaller},
				agentTitle:   "Höga utestående krediter",
				agentMeaning: "Kundens sammanlagda skuld på krediter, inklusive kort, lån och köp med betala senare, var högre än gränsvärdena tillåter.",
				agentDont:    "Säg inte hur mycket kunden skulle behöva betala av, och föreslå inte ett nytt lån för att lösa befintliga skulder.",
				agentSteps: []string{
					"Föreslå att kunden betalar av på befintliga skulder.",
					"Föreslå att kunden betalar klart några pågående delbetalningar innan en ny startas.",
					"Föreslå ett mindre köp.",
				},
			},
		},
	}
}()

var seedDeDE = func() localeSeed {
	const (
		stepIdentity    = "Prüfen Sie, ob Vorname, Nachname und Geburtsdatum genau wie in Ihrem Ausweis angegeben sind."
		stepAddress     = "Geben Sie Ihre aktuelle Meldeadresse als Rechnungsadresse an, genau so geschrieben wie auf Ihren Kontoauszügen."
		stepMoved       = "Wenn Sie umgezogen sind: Teilen Sie Ihre neue Adresse auch Ihrer Bank und anderen Kreditgebern mit."
		stepIncome      = "Aktualisieren Sie Ihr Einkommen in Ihrem Konto, sodass alle regelmäßigen monatlichen Einkünfte enthalten sind."
		stepPayDown     = "Zahlen Sie einen Teil Ihrer bestehenden Schulden zurück, damit Ihre monatliche Belastung sinkt."
		stepFinishPlans = "Begleichen Sie einige Ihrer laufenden Ratenzahlungen vollständig, bevor Sie eine neue beginnen."
		stepSmaller     = "Versuchen Sie es mit einem kleineren Betrag, zum Beispiel mit weniger Artikeln im Warenkorb."
		stepOtherMethod = "Für diesen Kauf können Sie eine andere Zahlungsart wählen."
	)
	return localeSeed{
		locale: "de-DE",
		frame: Frame{
			ReviewReceivedTitle: "Ihr Antrag auf Überprüfung ist bei uns eingegangen",
			ReviewReceivedBody: "Vielen Dank. Ein Mitglied unseres Kreditteams – ein Mensch, kein automatisiertes System – prüft die " +
				"Entscheidung zu Ihrem Einkauf (Referenz {reference}) noch einmal und berücksichtigt dabei Ihre Angaben. " +
				"Sie erhalten unsere Antwort spätestens am {dueDate}.",
			ReviewUpheldTitle: "Ihre Überprüfung ist abgeschlossen: Die Entscheidung bleibt bestehen",
			ReviewUpheldBody: "Unser Kreditteam hat die Entscheidung zu Ihrem Einkauf (Referenz {reference}) und Ihre Angaben " +
				"sorgfältig geprüft. Die Entscheidung bleibt bestehen. Die Begründung:\n\n{reason}\n\nIhre Bonität ist " +
				"davon nicht betroffen, und jeder weitere Einkauf wird neu geprüft.",
			ReviewOverturnedTitle: "Gute Nachricht: Ihr Einkauf ist genehmigt",
			ReviewOverturnedBody: "Unser Kreditteam hat die Entscheidung zu Ihrem Einkauf (Referenz {reference}) überprüft und geändert: " +
				"Ihr Einkauf ist genehmigt. Die Begründung:\n\n{reason}\n\nDie neue Entscheidung hat die Referenz " +
				"{newReference}.",
			Title:     "Wir konnten diesen Kauf nicht genehmigen",
			Intro:     "Ihren Einkauf über {amount} bei {merchant} konnten wir leider nicht für die spätere Bezahlung freigeben. Ausschlaggebend war Folgendes:",
			Closing:   "Danach können Sie es gern erneut versuchen: Jeder Kauf wird neu und automatisch geprüft, und diese Ablehnung wirkt sich nicht auf Ihren Bonitätsscore aus.",
			Reference: "Ihre Entscheidungsnummer lautet {reference}. Bitte geben Sie sie an, wenn Sie uns kontaktieren.",
			HumanReview: "Diese Entscheidung wurde automatisiert getroffen. Sie haben das Recht, sie von einem Menschen überprüfen zu lassen: Wir erläutern Ihnen, wie wir Ihre Kreditwürdigkeit bewertet haben, Sie können Ihren Standpunkt darlegen und die Entscheidung anfechten. " +
				"Die Überprüfung beantragen Sie in unserer App unter „Hilfe“ oder über den Link in Ihrer Kaufbestätigung; geben Sie dabei Ihre Entscheidungsnummer {reference} an.",
			FCRA: "Unsere Entscheidung beruht ganz oder teilweise auf Angaben aus einer Kreditauskunft der Auskunftei {bureau}, {bureauAddress}, gebührenfreie Rufnummer {bureauPhone}. " +
				"Die Auskunftei {bureau} hat diese Entscheidung nicht getroffen und kann Ihnen nicht sagen, warum sie so ausgefallen ist. " +
				"Nach dem US-amerikanischen Fair Credit Reporting Act haben Sie das Recht, innerhalb von 60 Tagen eine kostenlose Kopie Ihrer Auskunft bei der Auskunftei {bureau} anzufordern und unrichtige oder unvollständige Angaben darin bei der Auskunftei {bureau} zu bestreiten. " +
				"Wir haben auch Ihren Bonitätsscore verwendet: {score} auf einer Skala von {scoreRange}, Stand {scoreDate}. Diese Faktoren haben Ihren Score negativ beeinflusst: {keyFactors}.",
			ECOA: "Der US-amerikanische Equal Credit Opportunity Act verbietet Kreditgebern, Antragstellende wegen ihrer ethnischen Herkunft, Hautfarbe, Religion, nationalen Herkunft, ihres Geschlechts, Familienstands oder Alters (sofern sie voll geschäftsfähig sind) zu benachteiligen, " +
				"ebenso deshalb, weil ihr Einkommen ganz oder teilweise aus öffentlichen Sozialleistungen stammt, oder weil sie in gutem Glauben ein Recht nach dem Consumer Credit Protection Act ausgeübt haben. " +
				"Die Bundesbehörde, die die Einhaltung dieses Gesetzes durch diesen Kreditgeber überwacht, ist das {regulator}.",
			NoKeyFactors:     "die Auskunftei hat keine genannt",
			ExplainTitle:     "So haben wir Ihren Kauf geprüft",
			ExplainApproved:  "Wir haben die spätere Bezahlung Ihres Einkaufs über {amount} bei {merchant} genehmigt. Die Prüfung erfolgte automatisiert: Wir haben jeden der folgenden Faktoren mit unseren Anforderungen verglichen, und alle haben sie erfüllt.",
			ExplainDeclined:  "Ihren Einkauf über {amount} bei {merchant} konnten wir nicht für die spätere Bezahlung freigeben. Die Prüfung erfolgte automatisiert: Wir haben jeden der folgenden Faktoren mit unseren Anforderungen verglichen. Die genauen Anforderungen nennen wir nicht, weil sie Teil unserer Risikosteuerung sind und sich ändern, wir sagen Ihnen aber, welche Faktoren sie nicht erfüllt haben und wie deutlich.",
			ExplainMet:       "{factor}: Anforderungen erfüllt.",
			ExplainNotMet:    "{factor}: Anforderungen nicht erfüllt.",
			ExplainNarrowly:  "{factor}: Anforderungen knapp verfehlt.",
			ExplainShort:     "{factor}: Anforderungen verfehlt.",
			ExplainWellShort: "{factor}: Anforderungen deutlich verfehlt.",
			FactorNames: [NumFactors]string{
				"Ihr Bonitätsscore",
				"Ihr Einkommen",
				"Die Dauer Ihrer aktuellen Beschäftigung",
				"Ihre jüngsten Käufe mit späterer Bezahlung",
				"Ihre Schulden im Verhältnis zu Ihrem Einkommen",
				"Ihre Adresse",
				"Ihre Identität und Ihr Alter",
				"Ihre Kredithistorie",
				"Ob die Raten für Sie tragbar sind",
				"Ihre Ersparnisse",
				"Ihre bestehenden Kredite",
			},
		},
		agentMeaningLabel: "Bedeutung:",
		agentDontLabel:    "Nicht sagen oder zusagen:",
		agentCommon: "Sie können keinen Kauf selbst freigeben, und Sie können die Entscheidung weder ändern noch beeinflussen; Ihnen liegen keine weiteren Informationen als der angezeigte Grund vor. " +
			"Ein neuer Kauf wird neu automatisch geprüft, sagen Sie also kein Ergebnis voraus. " +
			"Sie können bestätigen, dass die Ablehnung den Bonitätsscore nicht beeinflusst und dass eine vorgemerkte Kartenzahlung (Autorisierung) nach einem abgelehnten Kartenkauf von der kartenausgebenden Bank freigegeben wird, nicht von uns.",
		reasons: []seed{
			{
				reason: engine.CreditScoreInsufficient,
				title:  "Ihr Bonitätsscore liegt unter unserem Mindestwert",
				body: "Wir haben Ihren Bonitätsscore der Auskunftei {bureau} verwendet: {score} auf einer Skala von {scoreRange}, Stand {scoreDate}. Er liegt unter dem Wert, den wir für die spätere Bezahlung voraussetzen. " +
					"Die Auskunftei {bureau} hat diese Entscheidung nicht getroffen und kann sie nicht begründen. " +
					"Sie haben das Recht, bei der Auskunftei {bureau} kostenlos Auskunft über die zu Ihnen gespeicherten Daten zu erhalten (Art. 15 DSGVO) und die Berichtigung unrichtiger Angaben zu verlangen.",
				steps: []string{
					"Fordern Sie bei der Auskunftei {bureau} Ihre kostenlose Datenkopie an und prüfen Sie die Einträge.",
					"Ist etwas falsch, verlangen Sie von der Auskunftei {bureau} eine Berichtigung.",
					"Zahlen Sie Rechnungen pünktlich und halten Sie offene Beträge niedrig; so kann sich Ihr Score mit der Zeit verbessern.",
				},
				agentTitle:   "Bonitätsscore unter dem Mindestwert",
				agentMeaning: "Der Bonitätsscore der Kundin oder des Kunden bei der Auskunftei des Marktes lag unter dem Mindestwert der geltenden Schwellenwerte. Im Pop-up wurden Score, Skala, Datum und Name der Auskunftei angezeigt, außerdem das Recht auf eine kostenlose Datenkopie und auf Berichtigung.",
				agentDont:    "Die Daten der Auskunftei nicht besprechen oder deuten und keine Korrektur anbieten – das kann nur die Auskunftei selbst.",
				agentSteps: []string{
					"Auf die kostenlose Datenkopie bei der im Pop-up genannten Auskunftei hinweisen.",
					"Bei vermuteten Fehlern darauf hinweisen, die Berichtigung direkt bei der Auskunftei zu verlangen.",
					"Erwähnen, dass pünktliche Zahlungen und niedrige offene Beträge den Score mit der Zeit verbessern können.",
				},
			},
			{
				reason:       engine.IncomeInsufficient,
				title:        "Ihr monatliches Einkommen liegt unter unserem Mindestwert",
				body:         "Das monatliche Einkommen, das uns von Ihnen vorliegt, ist niedriger als für die spätere Bezahlung erforderlich. Einkünfte, die nicht in Ihrem Konto angegeben sind, etwa aus einem Nebenjob, aus Sozialleistungen oder einer Rente, wurden nicht berücksichtigt.",
				steps:        []string{stepIncome, stepOtherMethod},
				agentTitle:   "Monatliches Einkommen unter dem Mindestwert",
				agentMeaning: "Das im Konto hinterlegte monatliche Einkommen lag unter dem Mindestwert der Schwellenwerte. Berücksichtigt wurde nur das Einkommen, das zum Zeitpunkt des Kaufs hinterlegt war.",
				agentDont:    "Keine Einkommensnachweise per Chat oder Telefon anfordern oder annehmen und nicht zusagen, dass ein aktualisiertes Einkommen zu einer Genehmigung führt.",
				agentSteps: []string{
					"Vorschlagen zu prüfen, ob im Konto alle regelmäßigen Einkünfte angegeben sind, etwa aus einem Nebenjob, aus Sozialleistungen oder einer Rente.",
					"Darauf hinweisen, dass für diesen Kauf eine andere Zahlungsart gewählt werden kann.",
				},
			},
			{
				reason: engine.IncomeUnverified,
				title:  "Wir konnten Ihr Einkommen nicht bestätigen",
				body:   "Wir konnten das von Ihnen angegebene Einkommen nicht bestätigen und es deshalb für diesen Kauf nicht berücksichtigen.",
				steps: []string{
					stepIncome,
					"Wenn Sie gebeten werden, Ihr Bankkonto zu verbinden oder einen Einkommensnachweis bereitzustellen, schließen Sie diesen Schritt ab, damit wir Ihr Einkommen bestätigen können.",
				},
				agentTitle:   "Einkommen nicht bestätigt",
				agentMeaning: "Das angegebene Einkommen konnte nicht bestätigt werden, daher konnte es in der Prüfung nicht berücksichtigt werden.",
				agentDont:    "Keine Gehaltsabrechnungen, Kontoauszüge oder anderen Unterlagen selbst entgegennehmen und das Einkommen nicht stellvertretend bestätigen.",
				agentSteps: []string{
					"Vorschlagen zu prüfen, ob das Einkommen im Konto richtig und vollständig ist.",
					"Wenn darum gebeten wird, ein Bankkonto zu verbinden oder einen Einkommensnachweis bereitzustellen, dazu ermutigen, diesen Schritt abzuschließen.",
				},
			},
			{
				reason: engine.EmploymentLength,
				title:  "Sie sind erst seit Kurzem bei Ihrem jetzigen Arbeitgeber",
				body:   "Sie sind kürzer bei Ihrem jetzigen Arbeitgeber beschäftigt, als wir für die spätere Bezahlung voraussetzen. Es geht dabei nur um die Dauer, nicht um die Stelle selbst.",
				steps: []string{
					"Wenn das Beginndatum Ihrer aktuellen Beschäftigung in Ihrem Konto falsch ist, korrigieren Sie es.",
					stepOtherMethod,
				},
				agentTitle:   "Kurze Beschäftigungsdauer",
				agentMeaning: "Die Beschäftigungsdauer beim jetzigen Arbeitgeber lag unter dem Mindestwert der Schwellenwerte. Über die Art der Stelle oder den Arbeitgeber sagt das nichts aus.",
				agentDont:    "Keine Mindestdauer in Monaten nennen, da sich Schwellenwerte ändern können, und keine Arbeitsnachweise anfordern.",
				agentSteps: []string{
					"Vorschlagen zu prüfen, ob das Beginndatum der Beschäftigung im Konto stimmt.",
					"Darauf hinweisen, dass für diesen Kauf eine andere Zahlungsart gewählt werden kann.",
				},
			},
			{
				reason: engine.RecentPlansExcessive,
				title:  "Sie haben kürzlich mehrere Ratenzahlungen begonnen",
				body:   "Sie haben in den letzten 30 Tagen mehrere Käufe mit späterer Bezahlung begonnen. Damit Sie Ihre Ausgaben im Blick behalten, begrenzen wir, wie viele neue Käufe dieser Art in kurzer Zeit möglich sind.",
				steps: []string{
					stepFinishPlans,
					"Sehen Sie in Ihrem Konto nach, welche Zahlungen demnächst fällig sind.",
				},
				agentTitle:   "Viele Ratenzahlungen in kurzer Zeit",
				agentMeaning: "In den letzten 30 Tagen wurden mehr Käufe mit späterer Bezahlung begonnen, als die Schwellenwerte erlauben. Die Grenze soll helfen, die Ausgaben überschaubar zu halten.",
				agentDont:    "Nicht sagen, wie viele Käufe erlaubt sind oder wann der nächste möglich ist.",
				agentSteps: []string{
					"Vorschlagen, einige laufende Ratenzahlungen vollständig zu begleichen, bevor eine neue begonnen wird.",
					"Zeigen, wo im Konto die anstehenden Zahlungen zu finden sind.",
				},
			},
			{
				reason:       engine.ObligationsExcessive,
				title:        "Ihre Kreditraten sind im Verhältnis zu Ihrem Einkommen hoch",
				body:         "Was Sie jeden Monat für Kredite, Kreditkarten und andere Ratenzahlungen aufbringen, macht einen großen Teil Ihres Einkommens aus.",
				steps:        []string{stepPayDown, stepIncome},
				agentTitle:   "Hohe Kreditraten im Verhältnis zum Einkommen",
				agentMeaning: "Die monatlichen Kreditraten im Verhältnis zum monatlichen Einkommen (Schuldenquote) lagen über dem Höchstwert der Schwellenwerte.",
				agentDont:    "Keine Ratschläge geben, welche Schulden zuerst getilgt werden sollten, und nicht vorschlagen, bestehende Schulden mit neuen Krediten abzulösen.",
				agentSteps: []string{
					"Erklären, dass die monatlichen Raten sinken, wenn bestehende Schulden zurückgezahlt werden.",
					"Vorschlagen zu prüfen, ob das Einkommen im Konto vollständig und aktuell ist.",
				},
			},
			{
				reason:       engine.ResidenceLength,
				title:        "Sie wohnen erst seit Kurzem an Ihrer jetzigen Adresse",
				body:         "Sie wohnen erst kurze Zeit an Ihrer aktuellen Adresse, daher sind mit ihr noch wenige Informationen verknüpft, die eine spätere Bezahlung stützen.",
				steps:        []string{stepAddress, stepMoved},
				agentTitle:   "Kurze Wohndauer an der aktuellen Adresse",
				agentMeaning: "Die Wohndauer an der aktuellen Adresse ist kürzer, als die Schwellenwerte verlangen. Nach einem Umzug sind mit der neuen Adresse weniger Informationen verknüpft.",
				agentDont:    "Die Adresse nicht stellvertretend ändern und nicht vorschlagen, eine frühere oder fremde Adresse zu verwenden.",
				agentSteps: []string{
					"Vorschlagen, die aktuelle Meldeadresse als Rechnungsadresse anzugeben, so geschrieben wie auf den Kontoauszügen.",
					"Vorschlagen, die neue Adresse auch der Bank und anderen Kreditgebern mitzuteilen.",
				},
			},
			{
				reason: engine.ResidenceUnverified,
				title:  "Wir konnten Ihre Adresse nicht bestätigen",
				body:   "Wir konnten die angegebene Adresse nicht Ihren Daten zuordnen. Das passiert häufig nach einem Umzug oder wenn Hausnummer, Adresszusatz oder Postleitzahl fehlen oder abweichen.",
				steps: []string{
					stepAddress,
					"Geben Sie Hausnummer und gegebenenfalls einen Adresszusatz an, und prüfen Sie die Postleitzahl.",
					"Verwenden Sie Ihre Wohnadresse, kein Postfach, keine Packstation und keine Firmenadresse.",
				},
				agentTitle:   "Adresse nicht bestätigt",
				agentMeaning: "Die angegebene Adresse konnte den Daten der Kundin oder des Kunden nicht zugeordnet werden. Häufige Ursachen sind ein Umzug, ein fehlender Adresszusatz oder eine falsche Postleitzahl.",
				agentDont:    "Keine bei uns gespeicherte Adresse nennen oder bestätigen und keine Dokumente als Adressnachweis annehmen.",
				agentSteps: []string{
					"Vorschlagen, die aktuelle Meldeadresse vollständig anzugeben, mit Hausnummer und gegebenenfalls Adresszusatz.",
					"Darauf hinweisen, dass Postfächer, Packstationen und Firmenadressen nicht verwendet werden können.",
				},
			},
			{
				reason: engine.IdentityUnverified,
				title:  "Wir konnten Ihre Identität nicht bestätigen",
				body:   "Wir konnten nicht bestätigen, dass die angegebenen Daten zu Ihnen gehören. Das kann passieren, wenn Name, Geburtsdatum oder Adresse nicht zu Ihren Daten passen, etwa nach einem Umzug oder einer Namensänderung.",
				steps: []string{
					stepIdentity,
					stepAddress,
					"Verwenden Sie Ihre eigenen Daten und Ihre eigene Karte oder Ihr eigenes Bankkonto.",
				},
				agentTitle:   "Identität nicht bestätigt",
				agentMeaning: "Die Identität konnte anhand der angegebenen Daten nicht bestätigt werden. Die Identität wird vor allem anderen geprüft; über die finanzielle Lage sagt dieser Grund nichts aus.",
				agentDont:    "Die Identität nicht selbst prüfen, keine Ausweisdokumente per Chat, E-Mail oder Telefon annehmen und nicht raten, welche Angabe nicht gepasst hat: Das ist für Sie nicht sichtbar.",
				agentSteps: []string{
					"Vorschlagen zu prüfen, ob Name und Geburtsdatum mit dem Ausweis übereinstimmen und die Adresse aktuell ist.",
					"Daran erinnern, die eigenen Daten und die eigene Karte oder das eigene Bankkonto zu verwenden.",
				},
			},
			{
				reason:       engine.UnderLegalAge,
				title:        "Für die spätere Bezahlung müssen Sie volljährig sein",
				body:         "Laut dem Geburtsdatum, das uns vorliegt, sind Sie noch nicht alt genug, um einen Kreditvertrag wie einen Kauf mit späterer Bezahlung abzuschließen.",
				steps:        []string{stepIdentity, stepOtherMethod},
				agentTitle:   "Nicht volljährig",
				agentMeaning: "Laut dem angegebenen Geburtsdatum ist die Person jünger als das Mindestalter für einen Kreditvertrag. Das ist eine gesetzliche Vorgabe.",
				agentDont:    "Das Geburtsdatum nicht stellvertretend ändern und niemals vorschlagen, die Daten oder das Konto der Eltern oder einer anderen Person zu verwenden.",
				agentSteps: []string{
					"Wurde das Geburtsdatum falsch eingegeben, vorschlagen, es passend zum Ausweis zu korrigieren.",
					"Andernfalls für diesen Kauf eine andere Zahlungsart vorschlagen.",
				},
			},
			{
				reason: engine.CreditHistoryLimited,
				title:  "Ihre Kredithistorie ist noch kurz",
				body:   "Zu Ihrer Person gibt es noch wenig Kredithistorie, daher liegen zu wenige Informationen darüber vor, wie Sie bisher mit Krediten umgegangen sind.",
				steps: []string{
					"Zahlen Sie Ihre Rechnungen und bestehenden Kredite weiterhin pünktlich; so bauen Sie eine Kredithistorie auf.",
					stepOtherMethod,
				},
				agentTitle:   "Kurze Kredithistorie",
				agentMeaning: "Die Kredithistorie ist kürzer, als die Schwellenwerte verlangen. Das ist bei jungen Menschen und bei Personen, die erst seit Kurzem in Deutschland leben, häufig.",
				agentDont:    "Keine erforderliche Dauer nennen und nicht vorschlagen, nur für den Aufbau einer Historie neue Kredite aufzunehmen.",
				agentSteps: []string{
					"Erklären, dass pünktlich bezahlte Rechnungen und Kredite eine Kredithistorie aufbauen.",
					"Darauf hinweisen, dass für diesen Kauf eine andere Zahlungsart gewählt werden kann.",
				},
			},
			{
				reason: engine.DelinquentObligations,
				title:  "Ihre Kredithistorie zeigt verspätete oder ausgefallene Zahlungen",
				body:   "Ihre Bonitätsauskunft zeigt verspätete oder ausgefallene Zahlungen für Kredite oder Kreditkonten in den letzten 24 Monaten.",
				steps: []string{
					"Begleichen Sie überfällige Beträge.",
					"Richten Sie Lastschriften oder Erinnerungen ein, damit künftige Zahlungen pünktlich eingehen.",
					"Ist eine verspätete Zahlung in Ihrer Auskunft nicht von Ihnen oder falsch, verlangen Sie bei der Auskunftei {bureau} eine Berichtigung.",
				},
				agentTitle:   "Verspätete oder ausgefallene Zahlungen",
				agentMeaning: "Die Bonitätsauskunft zeigt in den letzten 24 Monaten mehr verspätete oder ausgefallene Zahlungen, als die Schwellenwerte erlauben.",
				agentDont:    "Keine einzelnen Konten oder Zahlungen besprechen, die für Sie nicht sichtbar sind, und nicht andeuten, dass wir Einträge bei einer Auskunftei löschen können.",
				agentSteps: []string{
					"Vorschlagen, überfällige Beträge zu begleichen.",
					"Lastschriften oder Erinnerungen vorschlagen, damit künftige Zahlungen pünktlich eingehen.",
					"Bei vermuteten Fehlern darauf hinweisen, die Berichtigung bei der Auskunftei zu verlangen.",
				},
			},
			{
				reason:       engine.AffordabilityInsufficient,
				title:        "Die Raten passen womöglich nicht in Ihr Budget",
				body:         "Nach Abzug Ihrer regelmäßigen Ausgaben bleibt Ihnen monatlich nicht genug übrig, um die Raten für diesen Kauf mit ausreichendem Spielraum zu bezahlen.",
				steps:        []string{stepSmaller, stepPayDown, stepIncome},
				agentTitle:   "Raten nicht tragbar",
				agentMeaning: "Das frei verfügbare Einkommen nach regelmäßigen Ausgaben deckte die Raten dieses Kaufs nicht mit ausreichendem Spielraum. Das hängt vom Betrag ab; ein kleinerer Kauf wird anders bewertet.",
				agentDont:    "Keinen Betrag nennen, der genehmigt würde: Jeder Kauf wird einzeln geprüft.",
				agentSteps: []string{
					"Einen kleineren Kauf vorschlagen, zum Beispiel mit weniger Artikeln im Warenkorb.",
					"Erklären, dass die Rückzahlung bestehender Schulden mehr Spielraum im Budget schafft.",
					"Vorschlagen zu prüfen, ob das Einkommen im Konto vollständig ist.",
				},
			},
			{
				reason: engine.ReservesInsufficient,
				title:  "Ihre Rücklagen sind gering",
				body:   "Ihre Ersparnisse und sonstigen schnell verfügbaren Mittel sind geringer, als wir für die spätere Bezahlung voraussetzen.",
				steps: []string{
					"Wenn Sie Ersparnisse oder Geldanlagen haben, die nicht in Ihrem Konto angegeben sind, ergänzen Sie sie.",
					stepSmaller,
					stepOtherMethod,
				},
				agentTitle:   "Geringe Rücklagen",
				agentMeaning: "Die Ersparnisse und schnell verfügbaren Mittel lagen unter dem Mindestwert der Schwellenwerte.",
				agentDont:    "Nicht im Detail nach Ersparnissen oder Geldanlagen fragen und nicht vorschlagen, Geld umzuschichten, um die Prüfung zu bestehen.",
				agentSteps: []string{
					"Vorschlagen, fehlende Ersparnisse oder Geldanlagen im Konto zu ergänzen.",
					"Einen kleineren Kauf oder eine andere Zahlungsart vorschlagen.",
				},
			},
			{
				reason:       engine.OutstandingCreditHigh,
				title:        "Ihre offene Kreditsumme ist hoch",
				body:         "Die Summe, die Sie derzeit aus Krediten schulden, einschließlich Kreditkarten, Darlehen und anderer Käufe mit späterer Bezahlung, liegt über der Grenze, die wir genehmigen können.",
				steps:        []string{stepPayDown, stepFinishPlans, stepSmaller},
				agentTitle:   "Hohe offene Kreditsumme",
				agentMeaning: "Die gesamte offene Kreditsumme, einschließlich Kreditkarten, Darlehen und Käufen mit späterer Bezahlung, lag über dem Höchstwert der Schwellenwerte.",
				agentDont:    "Nicht sagen, wie viel zurückgezahlt werden müsste, und keinen neuen Kredit zur Ablösung bestehender Schulden vorschlagen.",
				agentSteps: []string{
					"Vorschlagen, bestehende Schulden teilweise zurückzuzahlen.",
					"Vorschlagen, einige laufende Ratenzahlungen vollständig zu begleichen, bevor eine neue begonnen wird.",
					"Einen kleineren Kauf vorschlagen.",
				},
			},
		},
	}
}()
