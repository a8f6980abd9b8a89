import assert from 'node:assert/strict';
import type { EntityType, LocalEntity, Mention, Quote } from '../../../server/src/core/model';
import { extractQuotes, scanQuoteMarks } from '../../../server/src/core/extract/quotes';
import { splitStructure } from '../../../server/src/core/text/structure';

/** An entity for a fixture: every occurrence of each form in the text is a mention. */
function entity(text: string, name: string, type: EntityType, ...aliases: string[]): LocalEntity {
  const mentions: Mention[] = [];
  for (const form of [name, ...aliases]) {
    for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
      const covered = mentions.some((m) => m.start <= i && i < m.end);
      if (!covered) mentions.push({ start: i, end: i + form.length, text: form });
    }
  }
  return { name, type, aliases, mentions, roles: [] };
}

interface Expected {
  /** The quoted words, exactly. */
  words: string;
  kind?: 'direct' | 'reported';
  /** Resolved speaker name, or null for none. */
  speaker: string | null;
  /** The words naming the speaker in this attribution. */
  speakerWords?: string;
}

interface Fixture {
  rule: string;
  text: string;
  entities?: (text: string) => LocalEntity[];
  /** Expected quotes (all of them unless `partial`). */
  quotes: Expected[];
  /** Only check that these quotes are among those extracted. */
  partial?: boolean;
}

const fixtures: Fixture[] = [
  {
    rule: 'a description after the verb with the name in apposition: ," said its chairman, Sir Anthony Greener.',
    text: 'The authority warned ministers.\n\n"Any partial change would compromise that integrity," said its chairman, Sir Anthony Greener. "We must act," said the chair of the Commons committee, Labour MP Barry Sheerman.',
    entities: (t) => [entity(t, 'Anthony Greener', 'person', 'Greener'), entity(t, 'Barry Sheerman', 'person', 'Sheerman')],
    quotes: [
      { words: 'Any partial change would compromise that integrity', speaker: 'Anthony Greener', speakerWords: 'Anthony Greener' },
      { words: 'We must act', speaker: 'Barry Sheerman', speakerWords: 'Barry Sheerman' },
    ],
    partial: true,
  },
  {
    rule: 'straight marks, inverted cue after the quote: ," said Putin.',
    text: 'Russian President Vladimir Putin spoke in Moscow.\n\n"Russia cherishes the ties," said Putin.',
    entities: (t) => [entity(t, 'Vladimir Putin', 'person', 'Putin')],
    quotes: [{ words: 'Russia cherishes the ties', speaker: 'Vladimir Putin', speakerWords: 'Putin' }],
  },
  {
    rule: 'curly marks and a pronoun cue: ,” he said',
    text: 'Bakhtiyor Khakimov revealed the plan on Tuesday.\n\n“Now work is underway to implement this idea,” he said.',
    quotes: [{ words: 'Now work is underway to implement this idea', speaker: 'Bakhtiyor Khakimov', speakerWords: 'he' }],
    partial: true,
  },
  {
    rule: 'cue before the quote with a colon: Putin said: "..."',
    text: 'Putin said: "We are aimed at further partnership."',
    entities: (t) => [entity(t, 'Vladimir Putin', 'person', 'Putin')],
    quotes: [{ words: 'We are aimed at further partnership.', speaker: 'Vladimir Putin', speakerWords: 'Putin' }],
  },
  {
    rule: 'claimed Khakimov / added Pankov after the quote',
    text: '"The reaction is positive," claimed Khakimov.\n\n"I am sure of it," added Pankov.',
    quotes: [
      { words: 'The reaction is positive', speaker: 'Khakimov', speakerWords: 'Khakimov' },
      { words: 'I am sure of it', speaker: 'Pankov', speakerWords: 'Pankov' },
    ],
  },
  {
    rule: 'according to X after the quote',
    text: 'The council praised the event as "a great success", according to Igor Levitin.',
    quotes: [{ words: 'a great success', speaker: 'Igor Levitin', speakerWords: 'Igor Levitin' }],
    partial: true,
  },
  {
    rule: 'X claimed "..." before the quote',
    text: 'Discussing the war, Alsaied claimed "the movement is under great pressure".',
    entities: (t) => [entity(t, 'Nasser Alsaied', 'person', 'Alsaied')],
    quotes: [{ words: 'the movement is under great pressure', speaker: 'Nasser Alsaied', speakerWords: 'Alsaied' }],
  },
  {
    rule: 'X, who ..., said the "..." (subject before a relative clause)',
    text: 'Plitukhin, who succeeded Anastasia Davydova as secretary general last year, said the "level of relations allows us to talk".',
    quotes: [{ words: 'level of relations allows us to talk', speaker: 'Plitukhin', speakerWords: 'Plitukhin' }],
    partial: true,
  },
  {
    rule: 'a particle in the name: ..., said de Oliveira.',
    text: 'CISM vice-president Leonardo Perdigao de Oliveira of Brazil spoke.\n\n"We are very pleased," said de Oliveira.',
    quotes: [{ words: 'We are very pleased', speaker: 'Leonardo Perdigao de Oliveira', speakerWords: 'de Oliveira' }],
  },
  {
    rule: 'a speech verb far before the quote: Traore hopes ... will "..."',
    text: 'Traore hopes Mali\'s ties with the ROC will "open up new opportunities" for the country.',
    quotes: [{ words: 'open up new opportunities', speaker: 'Traore', speakerWords: 'Traore' }],
    partial: true,
  },
  {
    rule: 'a relative clause: which Natorp claimed represented "..."',
    text: 'Clips were shown to delegates, which Natorp claimed represented "inappropriate propaganda".',
    entities: (t) => [entity(t, 'Hans Natorp', 'person', 'Natorp')],
    quotes: [{ words: 'inappropriate propaganda', speaker: 'Hans Natorp', speakerWords: 'Natorp' }],
  },
  {
    rule: 'a quote inside a quote stays part of the outer quote',
    text: '"The council remains committed to its motto \'Friendship through sports\'," said Putin.',
    quotes: [{ words: 'The council remains committed to its motto \'Friendship through sports\'', speaker: 'Putin', speakerWords: 'Putin' }],
  },
  {
    rule: 'a partial quote inside a sentence, the subject as speaker',
    text: 'Russian President Vladimir Putin has celebrated the country’s "long-standing and strong" ties with the council.',
    quotes: [{ words: 'long-standing and strong', speaker: 'Vladimir Putin', speakerWords: 'Vladimir Putin' }],
  },
  {
    rule: 'several fragments in one sentence share the cue',
    text: 'Pankov claimed that the CISM had "done a lot to strengthen world peace", "maintain impartiality in sports" and "promote solidarity".',
    quotes: [
      { words: 'the CISM had "done a lot to strengthen world peace", "maintain impartiality in sports" and "promote solidarity"', kind: 'reported', speaker: 'Pankov', speakerWords: 'Pankov' },
      { words: 'done a lot to strengthen world peace', speaker: 'Pankov', speakerWords: 'Pankov' },
      { words: 'maintain impartiality in sports', speaker: 'Pankov', speakerWords: 'Pankov' },
      { words: 'promote solidarity', speaker: 'Pankov', speakerWords: 'Pankov' },
    ],
  },
  {
    rule: 'a quote paragraph that opens without closing continues; the cue of its first paragraph covers the run',
    text: '"CISM is not a political organisation," said Wang.\n\n"This is one of the basic principles.\n\n"Voices have also been heard.\n\n"CISM is an independent organization."\n\nThe assembly ended on Friday.',
    quotes: [
      { words: 'CISM is not a political organisation', speaker: 'Wang', speakerWords: 'Wang' },
      { words: 'This is one of the basic principles.', speaker: 'Wang', speakerWords: 'Wang' },
      { words: 'Voices have also been heard.', speaker: 'Wang', speakerWords: 'Wang' },
      { words: 'CISM is an independent organization.', speaker: 'Wang', speakerWords: 'Wang' },
    ],
  },
  {
    rule: 'a continued quote takes the cue found in its last paragraph',
    text: '"We highly appreciate the position of the council.\n\n"We are aimed at further partnership," said Putin.\n\nOther news followed.',
    quotes: [
      { words: 'We highly appreciate the position of the council.', speaker: 'Putin', speakerWords: 'Putin' },
      { words: 'We are aimed at further partnership', speaker: 'Putin', speakerWords: 'Putin' },
    ],
  },
  {
    rule: 'a later quote paragraph without a cue keeps the previous paragraph\'s speaker',
    text: '"Russia cherishes the ties," said Putin.\n\n"We are aimed at further partnership."',
    quotes: [
      { words: 'Russia cherishes the ties', speaker: 'Putin', speakerWords: 'Putin' },
      { words: 'We are aimed at further partnership.', speaker: 'Putin', speakerWords: 'Putin' },
    ],
  },
  {
    rule: 'he resolves to the nearest subject, not an earlier one, and captions are skipped',
    text: 'Hans Natorp walked out of the meeting.\n\nMali is set to attend the forum, which Plitukhin underlined the importance of.\n\nStanislav Pozdnyakov delivered a presentation ©Getty Images\n\n"The ROC plans to hold a separate session," he said.',
    entities: (t) => [
      entity(t, 'Hans Natorp', 'person', 'Natorp'),
      entity(t, 'Rodion Plitukhin', 'person', 'Plitukhin'),
      entity(t, 'Stanislav Pozdnyakov', 'person', 'Pozdnyakov'),
    ],
    quotes: [{ words: 'The ROC plans to hold a separate session', speaker: 'Rodion Plitukhin', speakerWords: 'he' }],
    partial: true,
  },
  {
    rule: 'it resolves to an organisation in the sentence',
    text: 'The International Olympic Committee\'s (IOC) recommendations remain in place, but it has vowed to "explore a pathway" for their return.',
    entities: (t) => [entity(t, 'International Olympic Committee', 'organization', 'IOC')],
    quotes: [{ words: 'explore a pathway', speaker: 'International Olympic Committee', speakerWords: 'it' }],
  },
  {
    rule: 'reported speech: claimed that / revealed that, and a coordinated second verb',
    text: 'Khakimov revealed that work remained ongoing to establish an Association, and claimed the SCO members opposed the measures.',
    quotes: [
      { words: 'work remained ongoing to establish an Association', kind: 'reported', speaker: 'Khakimov', speakerWords: 'Khakimov' },
      { words: 'the SCO members opposed the measures', kind: 'reported', speaker: 'Khakimov', speakerWords: 'Khakimov' },
    ],
  },
  {
    rule: 'reported speech: a phrase between the verb and "that"; a bare clause after a pronoun',
    text: 'Russian President Vladimir Putin suggested at a summit in Samarkand in September that the SCO could create an association.\n\nHe suggested an MoU would be signed at this event.',
    entities: (t) => [entity(t, 'Vladimir Putin', 'person', 'Putin')],
    quotes: [
      { words: 'the SCO could create an association', kind: 'reported', speaker: 'Vladimir Putin', speakerWords: 'Vladimir Putin' },
      { words: 'an MoU would be signed at this event', kind: 'reported', speaker: 'Vladimir Putin', speakerWords: 'He' },
    ],
  },
  {
    rule: 'reported speech before a trailing cue: ..., a source said.',
    text: 'The campaign decided to change course, a source said.',
    quotes: [{ words: 'The campaign decided to change course', kind: 'reported', speaker: 'a source', speakerWords: 'a source' }],
  },
  {
    rule: 'a parenthesis between the name and the verb: ," Rep. Jason Chaffetz (R-Utah) said',
    text: '"Subpoenas are not optional," panel Chairman Rep. Jason Chaffetz (R-Utah) said.',
    quotes: [{ words: 'Subpoenas are not optional', speaker: 'Jason Chaffetz', speakerWords: 'Jason Chaffetz' }],
  },
  {
    rule: 'an apposition between the name and the verb after the quote',
    text: '"It is an invasion of the state regulatory domain," Scott Pruitt, the attorney general of Oklahoma, one of the states suing the EPA, said at an event.',
    quotes: [{ words: 'It is an invasion of the state regulatory domain', speaker: 'Scott Pruitt', speakerWords: 'Scott Pruitt' }],
    partial: true,
  },
  {
    rule: 'she skips a man named more recently',
    text: 'Donald Trump attacked Hillary Clinton on Monday.\n\n"He is wrong about everything," she said.',
    entities: (t) => [entity(t, 'Donald Trump', 'person', 'Trump'), entity(t, 'Hillary Clinton', 'person', 'Clinton')],
    quotes: [{ words: 'He is wrong about everything', speaker: 'Hillary Clinton', speakerWords: 'she' }],
  },
  {
    rule: 'a coordinated verb takes the subject of the verb before "and"',
    text: 'Smith laughed and said, "That is nonsense."',
    quotes: [{ words: 'That is nonsense.', speaker: 'Smith', speakerWords: 'Smith' }],
  },
  {
    rule: 'a quote opening a sentence keeps the speaker named before it in the paragraph',
    text: 'Bolton said he would help the administration if asked. "I am going to support him."',
    quotes: [{ words: 'I am going to support him.', speaker: 'Bolton', speakerWords: 'Bolton' }],
    partial: true,
  },
  {
    rule: 'captions never give quotes',
    text: 'Putin praised the "principled and firm position" of the council ©Getty Images\n\nThe assembly opened on Monday.',
    quotes: [],
  },
  {
    rule: 'a dash attribution after the quote',
    text: '“Mr. Trump is clueless about the struggles of minorities.” ― Edwin G. Monroy',
    quotes: [{ words: 'Mr. Trump is clueless about the struggles of minorities.', speaker: 'Edwin G. Monroy', speakerWords: 'Edwin G. Monroy' }],
  },
  {
    rule: 'top-level single quotes, apostrophes left alone',
    text: 'The players\' union said the deal was \'a disgrace\', adding it didn\'t matter.',
    quotes: [{ words: 'a disgrace', speaker: "The players' union", speakerWords: "The players' union" }],
    partial: true,
  },
  {
    rule: 'a quote without any cue has no speaker',
    text: 'The decision was described in the report as "unprecedented".',
    quotes: [{ words: 'unprecedented', speaker: null }],
  },
  {
    rule: 'a passive verb is not a cue',
    text: 'It was announced that the games would be "bigger than ever".',
    quotes: [{ words: 'bigger than ever', speaker: null }],
  },
  {
    rule: 'an opening mark typed where the closing one belongs still closes the quote',
    text: 'Lawyers were surprised.\n\n“It’s unusual,“ said Larry Noble, an attorney. “It’s a hard thing to do.”',
    quotes: [
      { words: 'It’s unusual', speaker: 'Larry Noble', speakerWords: 'Larry Noble' },
      { words: 'It’s a hard thing to do.', speaker: 'Larry Noble', speakerWords: 'Larry Noble' },
    ],
    partial: true,
  },
  {
    rule: 'titles alone before a name do not hide it: "Democratic presidential nominee Hillary Clinton chimed in, saying"',
    text: 'Protests went on.\n\nDemocratic presidential nominee Hillary Clinton chimed in on Twitter, saying that officials should release the videos "without delay."',
    quotes: [{ words: 'without delay.', speaker: 'Hillary Clinton', speakerWords: 'Hillary Clinton' }],
    partial: true,
  },
  {
    rule: 'a participle clause speaks for the main subject: "Trump went after Bush, calling him "..."", not after an opening subordinate clause',
    text: 'Voters gathered in Salem.\n\nSpeaking at a town hall, Trump went after Bush, calling him "a total stiff." After Trump spoke, Bush hit back on Monday, telling reporters "he is a loser."',
    quotes: [
      { words: 'a total stiff.', speaker: 'Trump', speakerWords: 'Trump' },
      { words: 'he is a loser.', speaker: 'Bush', speakerWords: 'Bush' },
    ],
    partial: true,
  },
  {
    rule: 'an aside between the subject and the verb: "Fiorina, speaking to Iowans, said", "Reid, in particular, has been pounding"',
    text: 'The race tightened.\n\nFiorina, speaking to Iowans, said the rules were "a disgrace." Senate leader Harry Reid, in particular, has been pounding Trump as a "con artist" all week.',
    quotes: [
      { words: 'a disgrace.', speaker: 'Fiorina', speakerWords: 'Fiorina' },
      { words: 'con artist', speaker: 'Harry Reid', speakerWords: 'Harry Reid' },
    ],
    partial: true,
  },
  {
    rule: 'a dash signature after a quote with a nested quotation, and a paragraph that only signs: "- Sanders."',
    text: 'Readers wrote in.\n\n“I’d rather live in what he calls “hell” than live with him.” ― Adriana Rodarte\n\n"Boeing and GE pay zero taxes."\n\n- Bernie Sanders.',
    quotes: [
      { words: 'I’d rather live in what he calls “hell” than live with him.', speaker: 'Adriana Rodarte', speakerWords: 'Adriana Rodarte' },
      { words: 'Boeing and GE pay zero taxes.', speaker: 'Bernie Sanders', speakerWords: 'Bernie Sanders' },
    ],
  },
  {
    rule: 'a cue in the next sentence belongs to that sentence\'s quote, unless that sentence is only the cue',
    text: 'Tokyo branded the launch an "act of open defiance." Moscow insisted that the regime "halt its reckless tests." The agency said the site showed "clear signs of activity."\n\n"Why now?" Reyes asked.',
    quotes: [
      { words: 'act of open defiance.', speaker: 'Tokyo', speakerWords: 'Tokyo' },
      { words: 'halt its reckless tests.', speaker: 'Moscow', speakerWords: 'Moscow' },
      { words: 'Why now?', speaker: 'Reyes', speakerWords: 'Reyes' },
    ],
    partial: true,
  },
  {
    rule: 'a bare participle after the quote is no cue: describing as "unhinged" a Trump tweet attacking ...',
    text: 'Voters watched.\n\nHillary Clinton is describing as "unhinged" a Donald Trump tweet attacking a former beauty queen.',
    entities: (t) => [entity(t, 'Hillary Clinton', 'person', 'Clinton'), entity(t, 'Donald Trump', 'person', 'Trump')],
    quotes: [{ words: 'unhinged', speaker: 'Hillary Clinton', speakerWords: 'Hillary Clinton' }],
  },
  {
    rule: 'a description of a person, body or document after the quote beats a name elsewhere: ," the union wrote.',
    text: 'The pilots\' association endorsed the senator on Monday.\n\nThe statement praised the impact it said Senator Rivera would have: "Our members have waited years for this," the union wrote.',
    entities: (t) => [entity(t, 'Maria Rivera', 'person', 'Senator Rivera', 'Rivera')],
    quotes: [{ words: 'Our members have waited years for this', speaker: 'the union', speakerWords: 'the union' }],
  },
  {
    rule: 'a description heading a speech verb is the speaker when its head is a speaker noun: meddling the Ohio congressman said is designed to "..."',
    text: 'Rep. Dan Keller urged the president to act on interference in the election -- meddling the Ohio congressman said is designed to "sow discord" among voters.',
    entities: (t) => [entity(t, 'Dan Keller', 'person', 'Keller')],
    quotes: [{ words: 'sow discord', speaker: 'the Ohio congressman', speakerWords: 'the Ohio congressman' }],
  },
  {
    rule: 'a description that is no speaker ("the shootings and protests") yields to a name',
    text: 'Ryan said the shootings and protests demands that the country "come together" now.',
    quotes: [{ words: 'come together', speaker: 'Ryan', speakerWords: 'Ryan' }],
    partial: true,
  },
  {
    rule: 'a name followed by a speaker noun only qualifies it ("a Trump tweet"); a description ends at its last noun ("a complaint filed by ...")',
    text: 'Voters reacted.\n\nTwenty years ago, a Times article hailed Ortiz as "The Comeback Kid" for his success. According to a civil complaint filed by state regulators, the firm ran a "massive fraudulent scheme" for years.',
    entities: (t) => [entity(t, 'Luis Ortiz', 'person', 'Ortiz')],
    quotes: [
      { words: 'The Comeback Kid', speaker: 'a Times article', speakerWords: 'a Times article' },
      { words: 'massive fraudulent scheme', speaker: 'a civil complaint', speakerWords: 'a civil complaint' },
    ],
    partial: true,
  },
  {
    rule: 'a pronoun or description inside the clause reported by an earlier speech verb yields to that verb\'s subject',
    text: 'Polls tightened.\n\nCruz said any candidate who wants to win the state "owes it to the voters" to debate. She said she speaks about race because "the issues are in front of you," aides recalled.',
    quotes: [
      { words: 'owes it to the voters', speaker: 'Cruz', speakerWords: 'Cruz' },
    ],
    partial: true,
  },
  {
    rule: 'documents and voicing verbs: ," the letter reads. / ," said the ruling. / chanted "..." / ," this\u00a0source told (a no-break space inside)',
    text: 'Parents wrote to the board.\n\n"Our children are thriving in these schools," the letter reads. "A state cannot remove voters for not voting," said the ruling. Protesters marching through the streets chanted "What curfew?" until dawn.\n\n"The staff do not like him," this\u00a0source told the Post.',
    quotes: [
      { words: 'Our children are thriving in these schools', speaker: 'the letter', speakerWords: 'the letter' },
      { words: 'A state cannot remove voters for not voting', speaker: 'the ruling', speakerWords: 'the ruling' },
      { words: 'What curfew?', speaker: 'Protesters', speakerWords: 'Protesters' },
      { words: 'The staff do not like him', speaker: 'this\u00a0source', speakerWords: 'this\u00a0source' },
    ],
    partial: true,
  },
  {
    rule: 'a framing verb after the quote is no cue: ," the crowd applauded; wondered / ruled / vowed give the subject before them',
    text: 'The rally went on.\n\nWhen Ortiz said he would "protect every family," the crowd applauded. The Republican nominee has repeatedly wondered whether the hosts will be "fair" to him. The committee then ruled that the claim was "true." The Republican nominee also outlined a plan and vowed to punish "those who break the rules."',
    entities: (t) => [entity(t, 'Luis Ortiz', 'person', 'Ortiz')],
    quotes: [
      { words: 'protect every family', speaker: 'Luis Ortiz', speakerWords: 'Ortiz' },
      { words: 'fair', speaker: 'The Republican nominee', speakerWords: 'The Republican nominee' },
      { words: 'true.', speaker: 'The committee', speakerWords: 'The committee' },
      { words: 'those who break the rules.', speaker: 'The Republican nominee', speakerWords: 'The Republican nominee' },
    ],
    partial: true,
  },
  {
    rule: 'lower-case words before a name that closes the clause: ," said 9/11 widow Terry Strada. / According to talk radio host Rush Limbaugh, ...',
    text: 'Families reacted.\n\n"The veto rationale is wrong," said 9/11 widow Terry Strada. According to conservative talk radio host Rush Limbaugh, the request reeks of "fear" and desperation. "We won the night," said former tech executive Carly Fiorina during the debate.',
    quotes: [
      { words: 'The veto rationale is wrong', speaker: 'Terry Strada', speakerWords: 'Terry Strada' },
      { words: 'fear', speaker: 'Rush Limbaugh', speakerWords: 'Rush Limbaugh' },
      { words: 'We won the night', speaker: 'Carly Fiorina', speakerWords: 'Carly Fiorina' },
    ],
    partial: true,
  },
  {
    rule: 'an adverb between subject and verb, and an aside before a relative clause: "Carter however said", "Sanders, meanwhile, who ..., said"',
    text: 'Senators met.\n\nCarter however said he would welcome a "principled security network" for Asia. Sanders, meanwhile, who has no such endorsements, said the count shows who is "prepared to take on the establishment."',
    quotes: [
      { words: 'principled security network', speaker: 'Carter', speakerWords: 'Carter' },
      { words: 'prepared to take on the establishment.', speaker: 'Sanders', speakerWords: 'Sanders' },
    ],
    partial: true,
  },
  {
    rule: 'a quoted transcript line names its speaker in capitals: "PENCE: Well, ..."',
    text: 'The host pressed the governor.\n\n"PENCE: Well, look, this is serious business.\n\n"WALLACE: But, Governor, I have to ask you."',
    entities: (t) => [entity(t, 'Mike Pence', 'person', 'Pence')],
    quotes: [
      { words: 'PENCE: Well, look, this is serious business.', speaker: 'Mike Pence', speakerWords: 'PENCE' },
      { words: 'WALLACE: But, Governor, I have to ask you.', speaker: 'WALLACE', speakerWords: 'WALLACE' },
    ],
  },
  {
    rule: 'a paragraph ending with a colon gives its subject to the quote paragraph after it: "He said:" / "On July 6, 2015, Sanders made the following comment:"',
    text: 'Donald Trump spoke in Ohio.\n\nHe said:\n\n"We have a situation in our inner cities."\n\nOn July 6, 2015, Sanders made the following comment:\n\n"Youth unemployment is 33 percent."',
    entities: (t) => [entity(t, 'Donald Trump', 'person', 'Trump')],
    quotes: [
      { words: 'We have a situation in our inner cities.', speaker: 'Donald Trump', speakerWords: 'He' },
      { words: 'Youth unemployment is 33 percent.', speaker: 'Sanders', speakerWords: 'Sanders' },
    ],
  },
  {
    rule: 'the first name as written decides gender and name when one entity merged two people of a family',
    text: 'Police shot Keith Lamont Scott on Tuesday. Rakeyia Scott can be heard yelling that her husband was unarmed.\n\n"Don\'t shoot him," she says.',
    entities: (t) => [entity(t, 'Keith Lamont Scott', 'person', 'Rakeyia Scott', 'Scott')],
    quotes: [{ words: 'Don\'t shoot him', speaker: 'Rakeyia Scott', speakerWords: 'she' }],
  },
  {
    rule: 'a participle after an issued document speaks for the issuer: "The Security Council issued a statement calling the test "..."", the organisation named whole',
    text: 'Leaders reacted.\n\nThe Security Council issued a statement calling the test "a clear violation" of its resolutions. Ortiz released a radio ad calling him "weak on crime."',
    entities: (t) => [entity(t, 'Luis Ortiz', 'person', 'Ortiz')],
    quotes: [
      { words: 'a clear violation', speaker: 'Security Council', speakerWords: 'Security Council' },
      { words: 'weak on crime.', speaker: 'Luis Ortiz', speakerWords: 'Ortiz' },
    ],
  },
  {
    rule: 'the owner of a claim speaks its that-clause, unless a speech verb reports the clause: "Trump\'s claim that there were "..."',
    text: 'The fact-checkers weighed in.\n\nPolitifact seized on Trump\'s claim that there have been "thousands of shootings" this year. Frazier said Rubio\'s claim that Cruz backs amnesty is "simply not true."',
    entities: (t) => [entity(t, 'Donald Trump', 'person', 'Trump'), entity(t, 'Marco Rubio', 'person', 'Rubio')],
    quotes: [
      { words: 'thousands of shootings', speaker: 'Donald Trump', speakerWords: 'Trump' },
      { words: 'simply not true.', speaker: 'Frazier', speakerWords: 'Frazier' },
    ],
    partial: true,
  },
  {
    rule: 'as X put it, after or before the quote',
    text: 'Investors must show a "lawful source of investment income," as a Homeland Security memo put it. He has been seen, as The New Yorker put it in a long profile, as "the operator."',
    quotes: [
      { words: 'lawful source of investment income', speaker: 'a Homeland Security memo', speakerWords: 'a Homeland Security memo' },
      { words: 'the operator.', speaker: 'New Yorker', speakerWords: 'New Yorker' },
    ],
  },
  {
    rule: 'a participle after an object that is no speaker speaks for the main subject: "has written to the watchdog saying:"; after a document, for its issuer or the document',
    text: 'Calls went on.\n\nLib Dem chairman Matthew Taylor has now written to the watchdog saying: "The advice we have received is clear." Mr Magnier and Mr McManus issued a statement late on Friday saying that they remained "long-term investors" in the club. The paper ran an editorial telling him to leave his "playground for the posh" behind.\n\nOrtiz came a week after the newspaper\'s editorial telling him to visit "the most anguished state."',
    entities: (t) => [entity(t, 'Matthew Taylor', 'person', 'Taylor'), entity(t, 'John McManus', 'person', 'McManus')],
    quotes: [
      { words: 'The advice we have received is clear.', speaker: 'Matthew Taylor', speakerWords: 'Matthew Taylor' },
      { words: 'long-term investors', speaker: 'John McManus', speakerWords: 'McManus' },
      { words: 'playground for the posh', speaker: 'The paper', speakerWords: 'The paper' },
      { words: 'the most anguished state.', speaker: 'the newspaper\'s editorial', speakerWords: 'the newspaper\'s editorial' },
    ],
    partial: true,
  },
  {
    rule: 'inverted subjects: the name that closes the clause ("explained CBS moderator Nancy Cordes:"), not a noun phrase opening the reported clause ("said the plans "stink"")',
    text: 'The debate went on.\n\nIn other words, explained CBS moderator Nancy Cordes: "What does that have to do with donations?" "It was hers," said Ohio State University professor Paul Beck. But Mr Howard denied Mr Yeo, his transport spokesman, said the plans "stink".',
    quotes: [
      { words: 'What does that have to do with donations?', speaker: 'Nancy Cordes', speakerWords: 'Nancy Cordes' },
      { words: 'It was hers', speaker: 'Paul Beck', speakerWords: 'Paul Beck' },
    ],
    partial: true,
  },
  {
    rule: 'an aside between dashes: "A former candidate -- John McCain, who lost -- said", "Jason Sims — a teacher — says"; a description\'s head is its last speaker noun',
    text: 'Reactions came in.\n\nA former Republican candidate -- John McCain, who lost the 2008 election -- said the president "offered no changes." Jason Sims — a teacher from Mount Pleasant — says the endorsement was "a big deal."\n\nA US Embassy spokesman said: "We are aware of the problem." "We will do our best," he added.',
    quotes: [
      { words: 'offered no changes.', speaker: 'John McCain', speakerWords: 'John McCain' },
      { words: 'a big deal.', speaker: 'Jason Sims', speakerWords: 'Jason Sims' },
      { words: 'We will do our best', speaker: 'A US Embassy spokesman', speakerWords: 'he' },
    ],
    partial: true,
  },
  {
    rule: 'descriptions with "of" or "and": "The former first lady and U.S. senator said", "the 34-year-old mother of three replied"',
    text: 'The forum went on.\n\nThe former first lady and U.S. senator said it was "a mistake" to use private email. When pressed, the 34-year-old mother of three replied, "It is meant to help mothers."',
    quotes: [
      { words: 'a mistake', speaker: 'The former first lady and U.S. senator', speakerWords: 'The former first lady and U.S. senator' },
      { words: 'It is meant to help mothers.', speaker: 'the 34-year-old mother of three', speakerWords: 'the 34-year-old mother of three' },
    ],
    partial: true,
  },
  {
    rule: '"Even China, its only ally, said it was "..."": a focusing adverb before the subject; "told a crowd at the club that he wants": the teller speaks',
    text: 'Donald Trump spoke in Philadelphia.\n\nEven China, Pyongyang\'s only ally and its lifeline, said it was "resolutely opposed" to the test. He told an invited crowd at Philadelphia\'s Union League club that he wants a policy "focused on core interests."',
    entities: (t) => [entity(t, 'Donald Trump', 'person', 'Trump'), entity(t, 'China', 'place')],
    quotes: [
      { words: 'resolutely opposed', speaker: 'China', speakerWords: 'China' },
      { words: 'focused on core interests.', speaker: 'Donald Trump', speakerWords: 'He' },
    ],
    partial: true,
  },
  {
    rule: 'a first-person speaker is the writer: "I laughed and said, "..."" gets no speaker, not the mother named before; "and I quote" does not count',
    text: 'Once, when my mother mentioned the devil to me, I laughed and said, "I don\'t believe in the devil." No wonder Ortiz said, and I quote, "We love the poorly educated."',
    entities: (t) => [entity(t, 'Luis Ortiz', 'person', 'Ortiz')],
    quotes: [
      { words: 'I don\'t believe in the devil.', speaker: null },
      { words: 'We love the poorly educated.', speaker: 'Luis Ortiz', speakerWords: 'Ortiz' },
    ],
  },
  {
    rule: 'a capitalised heading is no speaker: "CONGRESS HAS INVESTIGATED HIM — ... for saying that ... was a "..."',
    text: 'Doctors were unimpressed.\n\nCONGRESS HAS INVESTIGATED HIM — his dubious advice earned him the attention of Congress, where he appeared for saying that an extract was a "magic weight loss cure."',
    quotes: [{ words: 'magic weight loss cure.', speaker: null }],
  },
  {
    rule: 'a date between the subject and the verb: "McConnell, now the majority leader, who in 2010 said"',
    text: 'Talks resumed.\n\nObama has had a frosty relationship with McConnell, now the Senate majority leader, who in 2010 said the party\'s goal was to make Obama a "one-term president."',
    quotes: [{ words: 'one-term president.', speaker: 'the Senate majority leader', speakerWords: 'the Senate majority leader' }],
    partial: true,
  },
  {
    rule: 'a quote whose own cue names no one we can name ("they said") takes no speaker from the quote before it',
    text: 'The council met.\n\n"We condemn the test," said the council president, Ana Ruiz.\n\n"The members will begin work on measures," they said.',
    quotes: [
      { words: 'We condemn the test', speaker: 'Ana Ruiz', speakerWords: 'Ana Ruiz' },
      { words: 'The members will begin work on measures', speaker: null },
    ],
  },
  {
    rule: 'bare plural descriptions after the verb ("said officials familiar with the talks", "according to show insiders"); "X, who\'s ..., said"; "the document states that"',
    text: 'Talks stalled.\n\n"The plan is dead," said officials familiar with the talks. He demeaned women on "The Apprentice," according to show insiders. Three years ago Michael Bloomberg, who\'s thinking about running, said it was "impossible" to win. A document on the website states that couples qualify only if "recognized under state law."',
    entities: (t) => [entity(t, 'Michael Bloomberg', 'person', 'Bloomberg')],
    quotes: [
      { words: 'The plan is dead', speaker: 'officials', speakerWords: 'officials' },
      { words: 'The Apprentice', speaker: 'show insiders', speakerWords: 'show insiders' },
      { words: 'impossible', speaker: 'Michael Bloomberg', speakerWords: 'Michael Bloomberg' },
      { words: 'recognized under state law.', speaker: 'A document', speakerWords: 'A document' },
    ],
    partial: true,
  },
  {
    rule: 'poll shares speak: "Only 52 percent of registered voters agreed that ...", "63 percent said"',
    text: 'The poll was released Sunday.\n\nOnly 52 percent of registered voters agreed that she is in "good enough health." However, 63 percent said she was "justified" in waiting.',
    quotes: [
      { words: 'good enough health.', speaker: '52 percent of registered voters', speakerWords: '52 percent of registered voters' },
      { words: 'justified', speaker: '63 percent', speakerWords: '63 percent' },
    ],
    partial: true,
  },
  {
    rule: 'a participle right after a speech verb shares its subject: "he said adding that ... "legally""; a bare description takes the name in apposition',
    text: 'Jackson said it was a "massive demonstration". People had turned out "to show support", he said adding that foxes had been killed "legally" as far as he knew.\n\n"We are not going away," hunt master, Captain Ian Farquhar, said.',
    entities: (t) => [entity(t, 'John Jackson', 'person', 'Jackson')],
    quotes: [
      { words: 'to show support', speaker: 'John Jackson', speakerWords: 'he' },
      { words: 'legally', speaker: 'John Jackson', speakerWords: 'he' },
      { words: 'We are not going away', speaker: 'Ian Farquhar', speakerWords: 'Ian Farquhar' },
    ],
    partial: true,
  },
];

function describeQuote(text: string, q: Quote): string {
  const who = q.speaker ? `${q.speaker.name} <${text.slice(q.speaker.start, q.speaker.end)}>` : 'null';
  return `${q.kind} "${q.text}" by ${who}`;
}

describe('extractQuotes', () => {
  for (const f of fixtures) {
    it(f.rule, () => {
      // A headline first, as in a real article (a lone first line would be taken for one).
      const text = `Headline of the article\n\n${f.text}`;
      const { paragraphs } = splitStructure(text);
      const quotes = extractQuotes(text, paragraphs, f.entities ? f.entities(text) : []);
      const listing = quotes.map((q) => describeQuote(text, q)).join('\n');
      for (const q of quotes) {
        assert.equal(text.slice(q.start, q.end), q.text, 'Quote.text is the slice of its span');
        assert.equal(paragraphs[q.paragraph].kind, 'body', 'quotes come from body paragraphs only');
      }
      if (!f.partial) assert.equal(quotes.length, f.quotes.length, `quotes found:\n${listing}`);
      for (const e of f.quotes) {
        const kind = e.kind ?? 'direct';
        const q = quotes.find((x) => x.text === e.words && x.kind === kind);
        assert.ok(q, `no ${kind} quote "${e.words}" among:\n${listing}`);
        if (e.speaker === null) {
          assert.equal(q.speaker, null, describeQuote(text, q));
          continue;
        }
        assert.ok(q.speaker, `no speaker for "${e.words}"`);
        assert.equal(q.speaker.name, e.speaker, describeQuote(text, q));
        if (e.speakerWords) assert.equal(text.slice(q.speaker.start, q.speaker.end), e.speakerWords);
      }
    });
  }
});

describe('scanQuoteMarks', () => {
  const spans = (text: string) => scanQuoteMarks(text, 0, text.length).map((q) => ({ words: text.slice(q.start, q.end), closed: q.closed }));

  it('pairs curly, straight and guillemet marks and leaves apostrophes alone', () => {
    assert.deepEqual(spans('He said “yes” and "no" and «peut-être», didn\'t he?'), [
      { words: 'yes', closed: true }, { words: 'no', closed: true }, { words: 'peut-être', closed: true },
    ]);
  });

  it('reports a quote that runs to the end of the paragraph as unclosed', () => {
    assert.deepEqual(spans('"We highly appreciate the council.'), [{ words: 'We highly appreciate the council.', closed: false }]);
  });

  it('keeps a single-quoted phrase inside a double quote as part of it', () => {
    assert.deepEqual(spans('"Our slogan - \'Friendship through sport\'."'), [{ words: 'Our slogan - \'Friendship through sport\'.', closed: true }]);
  });

  it('keeps a double-quoted phrase nested in an open curly quote inside it', () => {
    assert.deepEqual(spans('“He calls it “hell” and I agree.” Then “more.”'), [
      { words: 'He calls it “hell” and I agree.', closed: true }, { words: 'more.', closed: true },
    ]);
  });

  it('opens a new quote at a straight mark starting a sentence while one is open (the first ran on)', () => {
    assert.deepEqual(spans('"We want more migration. "We want more people coming." Then he left.'), [
      { words: 'We want more migration.', closed: true }, { words: 'We want more people coming.', closed: true },
    ]);
  });

  it('drops the comma before the closing mark', () => {
    assert.deepEqual(spans('"It is true," he said.'), [{ words: 'It is true', closed: true }]);
  });
});
