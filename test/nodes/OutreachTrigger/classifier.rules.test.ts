import { classifyReply } from '../../../nodes/OutreachTrigger/classifier';

/** A reply to an outreach message, as the Outreach Trigger sees every reply. */
const reply = (text: string, subject?: string) =>
	classifyReply({ text, subject, inReplyToOutreach: true });

describe('clauses: what follows "but" outweighs what came before', () => {
	it.each([
		["I'm not actively looking, but I'd be open to a conversation if the comp is right", 'but'],
		['Not looking right now. However, happy to chat about it.', 'however'],
		['Ich bin nicht auf der Suche, aber für ein Gespräch bin ich offen.', 'aber'],
		['Je ne suis pas en recherche, mais je suis ouvert à un échange.', 'mais'],
		['No estoy buscando, pero estaría abierto a una conversación.', 'pero'],
		['Ik ben niet op zoek, maar sta open voor een gesprek.', 'maar'],
		['Não estou procurando, mas estou aberto a uma conversa.', 'mas'],
		['Non sto cercando, ma sono aperto a una chiacchierata.', 'ma'],
	])('%s → interested, decided after "%s"', (text, word) => {
		const got = reply(text);
		expect(got).toMatchObject({ interested: true, label: 'interested' });
		expect(got.reason).toContain(`after "${word}" outweighs not-interested phrase`);
	});

	it.each([
		'Sounds interesting, but I just started a new job.',
		'Klingt interessant, aber ich habe gerade erst eine neue Stelle angetreten.',
		'Intéressant, mais je viens de commencer un nouveau poste.',
		'Suena interesante, pero acabo de empezar en un nuevo trabajo.',
		'Klinkt interessant, maar ik ben net begonnen.',
		'Parece interessante, mas acabei de começar em um novo emprego.',
		'Sembra interessante, ma ho appena iniziato un nuovo lavoro.',
	])('%s → not interested: the decline after the contrast word decides', (text) => {
		expect(reply(text)).toMatchObject({ interested: false, label: 'not_interested' });
	});

	it('a compliment after "but" does not undo a decline', () => {
		expect(reply("I'm not looking, but it sounds interesting")).toEqual({
			interested: false,
			label: 'not_interested',
			reason:
				'not-interested phrase "i\'m not looking" stands: interested phrase "sounds interesting" after "but" is only a compliment',
		});
	});

	it('a contrast adverb makes its own part the deciding clause', () => {
		expect(reply("I'm happy where I am. Happy to chat though.")).toMatchObject({
			interested: true,
		});
		expect(reply('Happy to chat. Not looking though.')).toMatchObject({ interested: false });
	});

	it('an "although" part is a side remark, in either order', () => {
		expect(reply("Although I'm not looking, I'd be open to a call")).toMatchObject({
			interested: true,
		});
		expect(reply("I'd be open to a call, although I'm not actively looking")).toMatchObject({
			interested: true,
		});
		expect(reply("Although it sounds interesting, I'll pass")).toMatchObject({ interested: false });
	});

	it('without a contrast word, a refusal outweighs a yes and a yes outweighs a status', () => {
		expect(reply('No thanks, happy to chat some other time')).toMatchObject({
			interested: false,
			reason: 'not-interested phrase "no thanks" outweighs interested phrase "happy to chat"',
		});
		expect(reply('Not looking right now. Open to a call if the comp is right.')).toMatchObject({
			interested: true,
			reason: 'interested phrase "open to" outweighs not-interested phrase "not looking"',
		});
	});
});

describe('negation', () => {
	it.each([
		["I'm not interested in a call.", 'not-interested phrase "not interested"'],
		['I would not be open to a call, sorry.', 'negated interested phrase "open to"'],
		["Please don't call me.", 'negated interested phrase "call me"'],
		["I don't think I'd be interested.", 'negated interested phrase "interested"'],
		['Ich möchte nicht telefonieren.', 'negated interested phrase "telefonieren"'],
		["Je n'ai pas envie d'un échange.", 'negated interested phrase "un echange"'],
		['No quiero hablar, gracias.', 'not-interested phrase "no quiero"'],
		['Ik wil niet bellen.', 'negated interested phrase "bellen"'],
		['Não quero conversar.', 'not-interested phrase "não quero"'],
		['Non voglio una chiamata.', 'not-interested phrase "non voglio"'],
	])('%s → not interested (%s)', (text, reason) => {
		expect(reply(text)).toMatchObject({ interested: false, reason });
	});

	it('reads the negation after the verb in German, Dutch and French', () => {
		expect(reply('Das interessiert mich leider nicht')).toMatchObject({ interested: false });
		expect(reply('Dat interesseert me niet')).toMatchObject({ interested: false });
		expect(reply("Ça m'intéresse pas")).toMatchObject({ interested: false });
	});

	it.each([
		'No worries, happy to chat',
		'No problem, let’s talk next week',
		'Warum nicht, rufen Sie mich an',
		'Pourquoi pas, appelez-moi',
		'¿Por qué no? Llámame',
		'Waarom niet, bel me',
		'Por que não? Me liga',
		'Perché no? Chiamami',
	])('%s: these pairs negate nothing', (text) => {
		expect(reply(text)).toMatchObject({ interested: true });
	});

	it('stops at a comma and at a contrast word', () => {
		expect(reply("No, I'm interested!")).toMatchObject({ interested: true });
		expect(reply("Not sure yet, but I'd love to hear more")).toMatchObject({ interested: true });
	});

	it('"pas" only negates in French: in Dutch it means "only just"', () => {
		expect(reply('Bel me pas volgende week, dan heb ik tijd')).toMatchObject({ interested: true });
		expect(reply('Appelez-moi pas')).toMatchObject({ interested: false });
	});
});

describe('short replies', () => {
	it.each([
		'Yes',
		'Sure',
		'Ok',
		'Okay!',
		'yes!',
		'Absolutely.',
		'Sure thing',
		'👍',
		'👍🏼',
		'👌',
		'Ok 👍',
	])('%s in reply to an outreach message → interested', (text) => {
		const got = reply(text);
		expect(got).toMatchObject({ interested: true, label: 'interested' });
		expect(got.reason).toMatch(/^short reply ".+" to an outreach message$/);
	});

	it.each([
		['de', 'Ja'],
		['de', 'Gerne!'],
		['fr', 'Oui'],
		['fr', "D'accord"],
		['es', 'Sí'],
		['es', 'Vale'],
		['nl', 'Ja'],
		['nl', 'Prima'],
		['pt', 'Sim'],
		['pt', 'Pode ser'],
		['it', 'Sì'],
		['it', 'Certo'],
	])('%s: %s → interested', (_lang, text) => {
		expect(reply(text)).toMatchObject({ interested: true });
	});

	it('counts only in reply to an outreach message, and says so', () => {
		expect(classifyReply({ text: 'Yes' })).toEqual({
			interested: false,
			label: 'neutral',
			reason: 'short reply "yes" not counted: not known to answer an outreach message',
		});
		expect(classifyReply({ text: 'Yes', inReplyToOutreach: false })).toMatchObject({
			interested: false,
		});
	});

	it('infers the reply from a "Re:" subject or quoted history', () => {
		expect(classifyReply({ text: 'Sure', subject: 'Re: Staff Engineer role' })).toMatchObject({
			interested: true,
		});
		expect(classifyReply({ text: 'Ja', subject: 'AW: Ihre Nachricht' })).toMatchObject({
			interested: true,
		});
		expect(
			classifyReply({
				text: 'Sure\n\nOn Mon, 2 Mar 2026, Rita <r@x.example> wrote:\n> Open to a chat?',
			}),
		).toMatchObject({ interested: true });
		expect(classifyReply({ text: 'Sure', subject: 'Staff Engineer role' })).toMatchObject({
			interested: false,
		});
	});

	it('"works for me" and a time agree', () => {
		expect(reply('Sure, Tuesday works for me, 2pm CET?')).toMatchObject({ interested: true });
		expect(reply('Works for me!')).toMatchObject({
			interested: true,
			reason: 'interested phrase "works for me"',
		});
	});

	it.each([
		['No', 'short reply "no"'],
		['No.', 'short reply "no"'],
		['Nope', 'short reply "nope"'],
		['Nein.', 'short reply "nein"'],
		['Non.', 'short reply "non"'],
		['Nee', 'short reply "nee"'],
		['Não.', 'short reply "não"'],
		['👎', 'short reply "👎"'],
	])('%s → not interested (%s)', (text, reason) => {
		expect(reply(text)).toEqual({ interested: false, label: 'not_interested', reason });
	});

	it('"ok" with only thanks is a receipt; "sure not" and "claro que no" take the yes back', () => {
		expect(reply('Ok thanks')).toEqual({
			interested: false,
			label: 'neutral',
			reason: 'acknowledgement "ok thanks", not a yes',
		});
		expect(reply('Thanks, ok')).toMatchObject({ interested: false, label: 'neutral' });
		expect(reply('Noted.')).toMatchObject({ interested: false, label: 'neutral' });
		expect(reply('Sure not')).toMatchObject({ interested: false });
		expect(reply('Claro que no')).toMatchObject({ interested: false, label: 'not_interested' });
		expect(reply('Thanks, sure!')).toMatchObject({ interested: true });
	});

	it('a short yes followed by a decline or an unsubscribe request is not a yes', () => {
		expect(reply('Yes, but not now')).toMatchObject({ interested: false });
		expect(reply("Yes, I'm happy where I am")).toMatchObject({ interested: false });
		expect(reply('Yes, please remove me from your list')).toMatchObject({
			interested: false,
			label: 'do_not_contact',
		});
		expect(reply('Sure, unsubscribe me.')).toMatchObject({ label: 'do_not_contact' });
	});

	it('a friendly emoji or a thank-you alone is a reply, not a yes', () => {
		expect(reply('🙂')).toMatchObject({ interested: false, label: 'neutral' });
		expect(reply('Thanks!')).toMatchObject({ interested: false, label: 'neutral' });
	});
});

describe('proposing or accepting a time', () => {
	it.each([
		'Tuesday works.',
		'How about Thursday at 10?',
		"Can't do Monday, how about Wednesday 3pm?",
		'Passt, Dienstag 10 Uhr geht bei mir.',
		'Ça marche, jeudi me va.',
		'Vale, el martes a las 10 me viene bien.',
		'Oké, dinsdag om 14:00 past mij.',
		'Combinado, terça às 10h funciona para mim.',
		'Va bene, martedì alle 10 per me va bene.',
	])('%s → interested', (text) => {
		const got = reply(text);
		expect(got.interested).toBe(true);
	});

	it('names the day and the word that accepted it', () => {
		expect(reply('Thursday is fine')).toEqual({
			interested: true,
			label: 'interested',
			reason: 'proposes or accepts a time ("thursday" … "fine")',
		});
	});

	it('a day that does not work, or a greeting, is no time', () => {
		expect(reply("Tuesday doesn't work for me, sorry")).toMatchObject({ interested: false });
		expect(reply('Good morning, thanks for the note.')).toMatchObject({ interested: false });
	});
});

describe('questions about the job', () => {
	it.each([
		['And the salary?', 'salary'],
		['Is it remote?', 'remote'],
		['Wie hoch ist das Gehalt?', 'gehalt'],
		['Le poste est-il en télétravail ?', 'poste'],
		['¿Cuál es el salario?', 'salario'],
		['Is de functie remote?', 'functie'],
		['Qual é a faixa salarial?', 'faixa'],
		['Qual è la RAL?', 'ral'],
	])('%s → interested (asks about "%s")', (text, topic) => {
		const got = reply(text);
		expect(got.interested).toBe(true);
		expect(got.reason).toMatch(/^asks about the job \("/);
		expect(got.reason.toLowerCase()).toContain(topic.slice(0, 3));
	});

	it('other questions are not interest, and a bare "interested?" asks rather than answers', () => {
		expect(reply('Who is this?')).toMatchObject({ interested: false });
		expect(reply('How did you get my email address?')).toMatchObject({ interested: false });
		expect(reply('Interested? No.')).toMatchObject({ interested: false });
		expect(reply("Isn't this role onsite?")).toMatchObject({ interested: false });
	});
});

describe('auto-replies and out-of-office notes stay neutral', () => {
	it.each([
		['I am out of the office until March 10 with limited access to email.', undefined],
		['Thanks for your message, I will reply upon my return. Happy to chat then!', undefined],
		['Thanks, I will get back to you. Happy to chat.', 'Automatic reply: Senior role'],
		['Happy to connect when I am back.', 'Out of Office: Staff Engineer'],
		['Ich bin bis zum 15. März im Urlaub. Gerne melde ich mich danach.', undefined],
		["Je suis en congés jusqu'au 2 septembre, je vous répondrai avec plaisir.", undefined],
		['Estoy de vacaciones hasta el lunes. Con gusto le respondo a mi regreso.', undefined],
		['Ik ben op vakantie tot 1 september, daarna reageer ik graag.', undefined],
		['Estou de férias até dia 10. Responderei com prazer quando voltar.', undefined],
		['Sono in ferie fino al 10 marzo, al mio rientro risponderò volentieri.', undefined],
		[
			'Your message was not delivered: address not found.',
			'Delivery Status Notification (Failure)',
		],
	])('%s → out_of_office', (text, subject) => {
		expect(reply(text, subject)).toMatchObject({ interested: false, label: 'out_of_office' });
	});

	it('names the phrase', () => {
		expect(reply('This is an automatic reply. Sounds good, talk soon!')).toEqual({
			interested: false,
			label: 'out_of_office',
			reason: 'auto-reply phrase "this is an automatic"',
		});
	});

	it('a person who mentions a holiday and answers is read as a person', () => {
		expect(reply("I'm on holiday this week but happy to chat next week")).toMatchObject({
			interested: true,
		});
		expect(reply("I'm on holiday, and not interested anyway")).toMatchObject({
			label: 'not_interested',
		});
		expect(reply("I'm on holiday")).toMatchObject({ label: 'out_of_office' });
	});
});

describe('unsubscribe, stop and wrong person', () => {
	it.each([
		'Stop',
		'STOP!',
		'stop please',
		'Unsubscribe',
		'Please remove me from your list.',
		'Bitte entfernen Sie mich aus Ihrem Verteiler.',
		'Merci de me retirer de votre liste.',
		'Dame de baja, por favor.',
		'Graag uitschrijven.',
		'Por favor, me remova da sua lista.',
		'Cancellatemi dalla lista.',
	])('%s → do_not_contact', (text) => {
		expect(reply(text)).toMatchObject({ interested: false, label: 'do_not_contact' });
	});

	it('"stop" inside a sentence is not a request to stop', () => {
		expect(reply('I can stop by your office on Tuesday, happy to chat')).toMatchObject({
			interested: true,
		});
	});

	it('a referral to a colleague is not the contact’s interest', () => {
		expect(
			reply("Not for me, but my colleague Sarah might be interested. I've cc'd her."),
		).toMatchObject({
			interested: false,
			label: 'wrong_person',
		});
		expect(
			reply("I'm no longer with Acme, but I'd be interested: I'm at Globex now"),
		).toMatchObject({
			interested: true,
		});
	});
});

describe('words that mean something else in another language', () => {
	it('French "ma" is "my", Italian "ma" is "but"', () => {
		expect(reply('Ma réponse est non, merci.')).toMatchObject({ interested: false });
		expect(reply('Mi interessa, ma non ora.')).toMatchObject({
			interested: false,
			reason:
				'not-interested phrase "non ora" after "ma" outweighs interested phrase "mi interessa"',
		});
	});

	it('Portuguese "mais" and Spanish "más" are "more", not "but"', () => {
		expect(reply('Quero mais informações sobre a vaga.')).toMatchObject({ interested: true });
		expect(reply('No quiero más información.')).toMatchObject({ interested: false });
		expect(reply('Quiero saber mas, mandame la descripcion del puesto')).toMatchObject({
			interested: true,
		});
	});
});

describe('the options keep their v1 order', () => {
	it('extra not-interested phrases come before everything the text says', () => {
		const options = { extraNotInterested: ['found a job'] };
		expect(
			classifyReply(
				{ text: "I found a job, but I'd be open to a call", inReplyToOutreach: true },
				options,
			),
		).toMatchObject({ interested: false, reason: 'extra not-interested phrase "found a job"' });
	});
});
