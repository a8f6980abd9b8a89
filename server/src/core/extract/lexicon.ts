/**
 * Word lists for rule-based named-entity recognition in English news text.
 *
 * Every list is keyed by the *folded* form (lower case, no diacritics, see
 * `foldText`) so lookups need no further normalisation. The lists are
 * deliberately modest: they give cues (a title before a name, a cue word at the
 * end of an organisation's name, a known country) rather than trying to
 * enumerate the world.
 */

const set = (words: string): Set<string> => new Set(words.trim().split(/\s+/));

/**
 * Common given names of women, only to tell a person's gender when nothing else
 * does: "she" must not resolve to a man, and "Ms Scott" picks Rakeyia Scott, not
 * Keith Lamont Scott. Not a list of every name: an unknown name has no gender.
 */
export const FEMALE_GIVEN_NAMES = set(`
  hillary melania ivanka chelsea loretta elizabeth nancy sarah michelle kellyanne mary patricia jennifer linda
  barbara susan jessica karen lisa margaret sandra emily donna carol ruth sharon laura amy angela anna rebecca
  kathleen pamela martha amanda stephanie christine marie janet catherine ann anne diane alice julie heather teresa
  theresa jean joan judith rose kelly nicole christina jane rachel andrea julia diana megan claire hannah olivia
  sophie kate victoria helen anastasia maria marine nicola yvette harriet tessa kamala nikki condoleezza madeleine
  dianne kirsten jill sonia debbie tammy carly samantha valerie gwen maxine ursula jacinda angelina serena venus
  paula tina ella emma grace lucy cherie caroline
`);

/** Common given names of men (see {@link FEMALE_GIVEN_NAMES}). */
export const MALE_GIVEN_NAMES = set(`
  donald barack bill mike tim joe george john james robert michael william david richard joseph thomas charles
  christopher daniel matthew anthony mark paul steven stephen andrew kenneth kevin brian ronald timothy jason jeffrey
  ryan gary eric jonathan larry scott benjamin samuel frank alexander patrick jack peter henry harold keith roger
  carl sean arthur jesse bruce alan wayne roy vladimir tony gordon boris nigel ted bernie mitt newt rudy chris jeb
  marco rand harry mitch sergei igor nikolai dmitry emmanuel francois reince corey rodion stanislav hans bakhtiyor
  mohamed muhammad ahmed nasser leonardo dirk jim tom bob dick ian neil
`);

/** Honorifics: a person cue, never part of the canonical name nor a role ("Mr Brown" → "Brown"). */
export const HONORIFICS = set(`
  mr mrs ms miss mx dr sir dame lord lady madam monsieur mme herr frau senor senora
`);

/**
 * Words that head a title or office ("President", "secretary", "aide"). A role
 * found before or after a name must contain at least one of them.
 */
export const TITLE_HEADS = set(`
  president vice-president president-elect minister secretary secretary-general chairman chairwoman chairperson chair
  co-chair director director-general ambassador ambassador-at-large envoy aide adviser advisor spokesman spokeswoman
  spokesperson chief governor senator congressman congresswoman mayor premier chancellor king queen prince princess
  emperor colonel captain coach manager judge justice commissioner head leader founder co-founder ceo cfo coo chairman
  officer counterpart treasurer mp mep sheikh pope archbishop bishop cardinal lieutenant sergeant admiral commander
  marshal inspector detective striker midfielder defender goalkeeper keeper forward winger boss owner analyst economist
  correspondent editor reporter lawyer attorney prosecutor rapporteur representative delegate deputy vice-chairman
  vice-chair general brigadier corporal professor prof president's presidents ministers member
  lawmaker legislator diplomat negotiator mediator superintendent constable sheriff marshal dean rector principal
  chancellor provost executive administrator coordinator organiser organizer official umpire referee skipper
  captain chairman secretary-general under-secretary undersecretary consul attache
`);

/**
 * Words that modify a title ("Deputy", "Acting", "Defence", "Presidential",
 * "general" in "secretary general"). They extend a role to the left but never
 * make one on their own.
 */
export const TITLE_MODIFIERS = set(`
  deputy vice acting former interim assistant senior general executive chief first prime foreign defence defense
  interior finance health sports sport culture education justice trade home energy economy economic transport
  environment presidential permanent state shadow junior associate managing technical national team regional
  international federal foreign-affairs affairs security intelligence labour labor agriculture industry tourism
  treasury cabinet party opposition majority minority house senate press public information communications
  commerce development planning youth women family science research culture-and-education olympic military
  army navy air force police fire human resources legal medical club group company bank central supreme high
  court appeals district attorney special at-large un then outgoing incoming new honorary life co joint
  lead principal administrative operating financial marketing sales general-secretary elect
`);

/** Demonym nouns before a name ("Frenchman Hervé Piccirillo") → the country. */
const DEMONYM_NOUNS: Record<string, string> = {
  frenchman: 'France', frenchwoman: 'France', englishman: 'England', englishwoman: 'England', scotsman: 'Scotland',
  scotswoman: 'Scotland', welshman: 'Wales', welshwoman: 'Wales', irishman: 'Ireland', irishwoman: 'Ireland',
  briton: 'United Kingdom', dutchman: 'Netherlands', dutchwoman: 'Netherlands', spaniard: 'Spain', swede: 'Sweden',
  dane: 'Denmark', finn: 'Finland', pole: 'Poland', scot: 'Scotland', kiwi: 'New Zealand', aussie: 'Australia',
  argentine: 'Argentina', norseman: 'Norway', czech: 'Czech Republic', swiss: 'Switzerland',
};

/**
 * Nationality adjectives → country. They are not entities themselves
 * ("Russian athletes") but give an affiliation or a role's organisation
 * ("Russian President Vladimir Putin" → org "Russia").
 */
const NATIONALITIES: Record<string, string> = {
  afghan: 'Afghanistan', albanian: 'Albania', algerian: 'Algeria', american: 'United States', andorran: 'Andorra',
  angolan: 'Angola', argentine: 'Argentina', argentinian: 'Argentina', armenian: 'Armenia', australian: 'Australia',
  austrian: 'Austria', azerbaijani: 'Azerbaijan', azeri: 'Azerbaijan', bahraini: 'Bahrain', bangladeshi: 'Bangladesh',
  belarusian: 'Belarus', belarussian: 'Belarus', belgian: 'Belgium', bolivian: 'Bolivia', bosnian: 'Bosnia',
  brazilian: 'Brazil', british: 'United Kingdom', bulgarian: 'Bulgaria', burmese: 'Myanmar', cambodian: 'Cambodia',
  cameroonian: 'Cameroon', canadian: 'Canada', chadian: 'Chad', chilean: 'Chile', chinese: 'China',
  colombian: 'Colombia', congolese: 'Congo', croatian: 'Croatia', croat: 'Croatia', cuban: 'Cuba', cypriot: 'Cyprus',
  czech: 'Czech Republic', danish: 'Denmark', dutch: 'Netherlands', ecuadorian: 'Ecuador', egyptian: 'Egypt',
  english: 'England', eritrean: 'Eritrea', estonian: 'Estonia', ethiopian: 'Ethiopia', european: 'Europe',
  fijian: 'Fiji', filipino: 'Philippines', finnish: 'Finland', french: 'France', georgian: 'Georgia',
  german: 'Germany', ghanaian: 'Ghana', greek: 'Greece', guatemalan: 'Guatemala', haitian: 'Haiti',
  honduran: 'Honduras', hungarian: 'Hungary', icelandic: 'Iceland', indian: 'India', indonesian: 'Indonesia',
  iranian: 'Iran', iraqi: 'Iraq', irish: 'Ireland', israeli: 'Israel', italian: 'Italy', ivorian: 'Ivory Coast',
  jamaican: 'Jamaica', japanese: 'Japan', jordanian: 'Jordan', kazakh: 'Kazakhstan', kazakhstani: 'Kazakhstan',
  kenyan: 'Kenya', korean: 'Korea', kosovan: 'Kosovo', kuwaiti: 'Kuwait', kyrgyz: 'Kyrgyzstan', latvian: 'Latvia',
  lebanese: 'Lebanon', liberian: 'Liberia', libyan: 'Libya', lithuanian: 'Lithuania', luxembourgish: 'Luxembourg',
  macedonian: 'North Macedonia', malagasy: 'Madagascar', malaysian: 'Malaysia', malian: 'Mali', maltese: 'Malta',
  mauritanian: 'Mauritania', mexican: 'Mexico', moldovan: 'Moldova', mongolian: 'Mongolia', montenegrin: 'Montenegro',
  moroccan: 'Morocco', mozambican: 'Mozambique', namibian: 'Namibia', nepalese: 'Nepal', nepali: 'Nepal',
  nicaraguan: 'Nicaragua', nigerian: 'Nigeria', nigerien: 'Niger', norwegian: 'Norway', omani: 'Oman',
  pakistani: 'Pakistan', palestinian: 'Palestine', panamanian: 'Panama', paraguayan: 'Paraguay', persian: 'Iran',
  peruvian: 'Peru', polish: 'Poland', portuguese: 'Portugal', qatari: 'Qatar', romanian: 'Romania', russian: 'Russia',
  rwandan: 'Rwanda', saudi: 'Saudi Arabia', scottish: 'Scotland', senegalese: 'Senegal', serbian: 'Serbia',
  serb: 'Serbia', singaporean: 'Singapore', slovak: 'Slovakia', slovakian: 'Slovakia', slovenian: 'Slovenia',
  slovene: 'Slovenia', somali: 'Somalia', african: 'Africa', asian: 'Asia', spanish: 'Spain', sudanese: 'Sudan', swedish: 'Sweden',
  swiss: 'Switzerland', syrian: 'Syria', taiwanese: 'Taiwan', tajik: 'Tajikistan', tanzanian: 'Tanzania',
  thai: 'Thailand', tunisian: 'Tunisia', turkish: 'Turkey', turkmen: 'Turkmenistan', ugandan: 'Uganda',
  ukrainian: 'Ukraine', uruguayan: 'Uruguay', uzbek: 'Uzbekistan', venezuelan: 'Venezuela', vietnamese: 'Vietnam',
  welsh: 'Wales', yemeni: 'Yemen', zambian: 'Zambia', zimbabwean: 'Zimbabwe', soviet: 'Soviet Union',
  yugoslav: 'Yugoslavia', arab: 'Arab world', kurdish: 'Kurdistan', basque: 'Basque Country', catalan: 'Catalonia',
  flemish: 'Flanders', walloon: 'Wallonia', bavarian: 'Bavaria', texan: 'Texas', californian: 'California',
  latin: 'Latin America', western: 'West', eastern: 'East', north: 'North', south: 'South',
  'south african': 'South Africa', 'south korean': 'South Korea', 'north korean': 'North Korea', 'new zealand': 'New Zealand',
  'sri lankan': 'Sri Lanka', 'west indian': 'West Indies', 'puerto rican': 'Puerto Rico', 'costa rican': 'Costa Rica',
  kiwi: 'New Zealand', 'bosnian serb': 'Bosnia', 'hong kong': 'Hong Kong',
};

/**
 * {@link NATIONALITIES} and {@link DEMONYM_NOUNS} as maps: the rules look up words of the text, and
 * reading an object's property by ever new names makes V8 throw away the optimised code doing it.
 */
const NATIONALITY_COUNTRIES = new Map(Object.entries(NATIONALITIES));
const DEMONYM_COUNTRIES = new Map(Object.entries(DEMONYM_NOUNS));

/** The country of a folded nationality adjective ("russian" → "Russia"), if it is one. */
export function nationalityCountry(norm: string): string | undefined {
  return NATIONALITY_COUNTRIES.get(norm);
}

/** The country of a folded demonym noun ("frenchman" → "France"), if it is one. */
export function demonymCountry(norm: string): string | undefined {
  return DEMONYM_COUNTRIES.get(norm);
}

/** Words that end or head an organisation's name ("... Committee", "Ministry of ..."). */
const ORG_CUES = set(`
  committee committees council councils ministry ministries organisation organization organisations organizations
  federation federations association associations inc inc. ltd ltd. plc llc corp corp. corporation co company
  companies party union bank university college school academy institute institution government agency authority
  board commission department office court parliament senate congress assembly league club fc afc united city-fc
  group holdings airlines airways motors technologies systems industries partners trust fund foundation society
  alliance coalition confederation bureau service services police army navy force forces military guard
  network broadcasting broadcasts tv radio times post journal news newspaper press herald telegraph guardian
  review magazine channel records studios pictures entertainment church mosque hospital clinic exchange
  markets securities capital investments insurance energy oil petroleum gas telecom telecoms communications
  railways railway railroad ag sa nv gmbh bv spa srl limited cooperative co-operative secretariat directorate
  tribunal cabinet junta regime movement front brigade brigades battalion regiment squad team teams olympians
  commissariat kremlin pentagon nato opec bros bros. brothers media pharmaceuticals pharma electronics software
  foods stores rovers wanderers albion rangers hotspur thistle athletic
`);

/**
 * First words of club names ("Real Madrid", "Inter Milan", "Dynamo Kiev",
 * "Borussia Dortmund", "Sporting Lisbon"): a multi-word name opening with one
 * is an organisation.
 */
const CLUB_PREFIXES = set(`
  real inter internazionale dynamo dinamo sporting atletico athletico deportivo borussia olympique olympiakos
  spartak lokomotiv torpedo steaua sparta slavia partizan hajduk racing vfb vfl tsv
`);

/**
 * Clubs known by one word in sports reports ("Bayern", "Ajax"): read as the
 * club only in a report of results or matches.
 */
export const CLUBS = set(`
  bayern ajax juventus celtic benfica feyenoord galatasaray fenerbahce besiktas anderlecht panathinaikos
  arsenal chelsea everton tottenham sampdoria lazio roma parma fiorentina napoli atalanta udinese
  psv schalke werder leverkusen kaiserslautern hertha auxerre bordeaux
`);

/**
 * English first-class cricket counties: in a cricket report the county is the
 * team ("Essex reached 372", "title rivals Derbyshire and Surrey").
 */
export const CRICKET_COUNTIES = set(`
  derbyshire durham essex glamorgan gloucestershire hampshire kent lancashire leicestershire middlesex
  northamptonshire nottinghamshire somerset surrey sussex warwickshire worcestershire yorkshire
`);

/**
 * Words that mark an event, document, award or other named thing that is
 * neither a person, an organisation nor a place ("World Cadet Games",
 * "Olympic Charter", "Memorandum of Understanding").
 */
const OTHER_CUES = set(`
  games championship championships cup trophy open olympics paralympics tournament series league-cup grand prix
  forum summit conference congress festival awards award prize medal order charter treaty agreement accord act bill
  memorandum convention declaration protocol resolution war wars revolution crisis pact plan programme program
  project initiative strategy doctrine law constitution tour rally race marathon derby classic
  week day year era expo exhibition show album film book novel report index
`);

/**
 * Heads that name a meeting as often as a standing body: "the CISM General
 * Assembly" (a meeting, `other`) but "the United Nations General Assembly",
 * "the National Assembly", "the US Congress" (bodies). Event heads that are
 * never bodies ("Summit", "Games", "Cup") are in {@link OTHER_CUES}.
 */
const MEETING_HEADS = set(`assembly assemblies congress congresses`);

/** Words that make a {@link MEETING_HEADS} name a standing body ("National Assembly", "People's Congress"). */
const STANDING_BODY_WORDS = set(`
  national nations legislative parliamentary constituent federal state people's peoples popular provincial
  regional municipal trades
`);

/** Words that end a place name ("Hudson River", "Red Square"). */
const PLACE_CUES = set(`
  city town village county province state states region district island islands isles river sea ocean lake
  mountains mountain mount valley bay gulf coast peninsula street road avenue square park airport station port
  desert strait canal heights hills plain plains territory territories republic kingdom emirates oblast krai
`);

/** Words that may head an "X of Y" name ("Association of ...", "University of ...", "Bank of ..."). */
const OF_HEADS = new Set([
  ...ORG_CUES, ...OTHER_CUES, ...PLACE_CUES,
  ...set(`
    duke duchess earl prince princess king queen emperor archbishop bishop house houses chamber
    friends sons daughters people peoples nations isle gulf cape
  `),
]);

/** Words that sit inside a multi-word name in lower case ("Perdigao de Oliveira", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = set(`
  de da do dos das di du del della der den van von le la bin ibn al el ben ter ten zu y
`);

/**
 * Countries, continents and large regions (folded): in a sports report these
 * stay places when they field a team ("Romania beat Lithuania"), unlike towns
 * and counties ("Leicestershire beat Somerset"), whose teams are clubs.
 */
const COUNTRIES = set(`
  afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
  bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina
  burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia denmark
  djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia
  germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq
  ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon
  lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
  mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma
  namibia nauru nepal netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine panama
  paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore
  slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand
  togo tonga trinidad tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela
  vietnam yemen zambia zimbabwe england scotland wales britain uk u.k u.k. usa u.s u.s. us america europe asia africa
  antarctica oceania australasia arctic antarctic balkans caucasus sahel sahara scandinavia siberia crimea
  donbas donbass chechnya kashmir tibet xinjiang gaza kurdistan catalonia flanders bavaria yugoslavia
  chechnya dagestan ossetia abkhazia transnistria kurdistan palestine ulster
`);

/** Towns and cities (folded): the homes of clubs named after them. */
export const TOWNS = set(`
  moscow kyiv kiev minsk london paris berlin madrid rome lisbon dublin brussels amsterdam vienna prague warsaw
  budapest bucharest sofia athens istanbul ankara tehran baghdad damascus beirut amman jerusalem cairo riyadh
  doha dubai tokyo beijing shanghai seoul delhi mumbai karachi islamabad kabul dhaka bangkok hanoi manila jakarta
  sydney melbourne auckland toronto montreal vancouver ottawa washington chicago boston atlanta miami houston
  dallas seattle denver detroit philadelphia sochi samarkand tashkent astana almaty bishkek dushanbe ashgabat
  baku tbilisi yerevan bamako dakar lagos abuja nairobi johannesburg pretoria harare lusaka kinshasa
  khartoum tripoli tunis algiers rabat casablanca lima bogota caracas quito santiago havana brasilia
  mexico geneva zurich lausanne stockholm oslo copenhagen helsinki reykjavik tallinn riga vilnius
  belgrade zagreb sarajevo ljubljana skopje tirana podgorica chisinau bratislava milan turin naples barcelona
  seville valencia munich hamburg frankfurt cologne manchester liverpool birmingham glasgow edinburgh cardiff
  belfast leeds newcastle bristol sheffield nottingham leicester oxford cambridge hangzhou guangzhou shenzhen
  wuhan osaka kyoto taipei canberra perth brisbane adelaide wellington adygea
  kazan yekaterinburg novosibirsk volgograd vladivostok kharkiv odesa odessa lviv mariupol donetsk luhansk
  aleppo homs mosul basra kandahar herat gaza ramallah haifa nicosia valletta marseille lyon nice
  bordeaux toulouse strasbourg lille rotterdam antwerp basel porto busan pyongyang
  bonn milwaukee cincinnati oakland pittsburgh baltimore cleveland phoenix minneapolis anaheim sacramento
  orlando tampa nashville memphis indianapolis colombo rangoon yangon nablus hebron jericho groningen utrecht
  eindhoven liege ghent bruges bern lucerne salzburg innsbruck krakow gdansk sarajevo grozny rostov murmansk
  kathmandu lahore peshawar chennai calcutta kolkata bangalore hyderabad jakarta surabaya
  nouakchott freetown monrovia accra kampala kigali lusaka maputo luanda windhoek gaborone mogadishu
  asmara djibouti sanaa muscat manama kuwait tehran tabriz arbil erbil kirkuk tikrit fallujah najaf karbala
  belgrade pristina tirana lockerbie portsmouth southampton brighton coventry plymouth stoke swansea
  aberdeen dundee hove canterbury wimbledon
`);

/** Countries, regions and major cities (folded). Multi-word names are matched as whole names. */
export const PLACES = new Set([...COUNTRIES, ...TOWNS]);

/** Multi-word towns, cities, states and provinces (folded, single spaces): homes of clubs, like {@link TOWNS}. */
export const MULTIWORD_TOWNS = new Set([
  'new york', 'los angeles', 'san francisco', 'las vegas', 'new delhi', 'st petersburg', 'saint petersburg',
  'st. petersburg', 'rio de janeiro', 'sao paulo', 'buenos aires', 'mexico city', 'kuala lumpur', 'tel aviv',
  'addis ababa', 'cape town', 'abu dhabi', 'new jersey', 'new mexico', 'new orleans', 'north carolina',
  'south carolina', 'west virginia', 'st louis', 'salt lake city', 'san diego', 'san jose', 'san antonio',
  'kansas city', 'st. louis', 'new hampshire', 'rhode island', 'north dakota', 'south dakota', 'phnom penh',
  'monte carlo', 'la coruna', 'tunbridge wells', 'ho chi minh city', 'new south wales', 'western australia',
  'south australia', 'british columbia', 'nova scotia',
]);

/** Multi-word places (folded, single spaces). */
export const MULTIWORD_PLACES = new Set([
  'south africa', 'south korea', 'north korea', 'saudi arabia', 'new zealand', 'united states', 'united kingdom',
  'united arab emirates', 'sri lanka', 'costa rica', 'puerto rico', 'el salvador', 'ivory coast', 'czech republic',
  'dominican republic', 'central african republic', 'north macedonia', 'sierra leone', 'south sudan',
  'papua new guinea', 'east timor', 'hong kong', 'west bank', 'gaza strip',
  'middle east', 'far east', 'latin america', 'south america', 'north america', 'central america', 'central asia',
  'east africa', 'west africa', 'north africa', 'southern africa', 'eastern europe', 'western europe',
  'soviet union', 'great britain', 'northern ireland', 'west indies', 'south east asia', 'southeast asia',
  'bosnia and herzegovina', 'trinidad and tobago', 'antigua and barbuda', 'the hague', 'san marino',
  'vatican city', 'persian gulf', 'black sea', 'baltic sea', 'red sea', 'white house',
  'east jerusalem', 'russian federation', 'northern territory', ...MULTIWORD_TOWNS,
]);

/** US states and other sub-national names often seen in news (folded). */
export const REGIONS = set(`
  alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
  indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
  montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin
  wyoming quebec ontario alberta manitoba saskatchewan yorkshire lancashire kent essex surrey sussex devon
  cornwall normandy brittany provence tuscany sicily sardinia andalusia lombardy punjab bengal kerala
  gujarat queensland victoria tasmania
`);

/** Month and weekday names: capitalised, but not entities. */
const CALENDAR_WORDS = set(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  christmas easter ramadan
`);

/**
 * Common English words: a capitalised occurrence at the start of a sentence (or
 * in an all-capitals headline) is not a name. Titles and cue words are
 * excluded from this list on purpose: they are handled by their own rules.
 */
const COMMON_WORDS = set(`
  a about above across after afterwards again against ago ahead all almost alone along already also although
  always am among amongst an and another any anybody anyone anything anyway anywhere are around as at away back
  be became because become becomes been before beforehand behind being below beside besides between beyond both
  but by can cannot could did do does doing done down during each earlier early either else elsewhere enough
  especially even ever every everybody everyone everything everywhere except far few fewer first for former
  formerly from further furthermore had has have having he hence her here hereby herein hers herself him himself
  his how however i if in indeed instead into is it its itself just last later latest least less let lets like
  likely many may maybe me meanwhile might mine more moreover most mostly much must my myself namely neither
  never nevertheless next no nobody none nor not nothing now nowhere of off often on once one only onto or other
  others otherwise our ours ourselves out over overall own per perhaps please quite rather really same several
  she should since so some somebody someone something sometimes somewhere soon still such than that the their
  theirs them themselves then there thereafter thereby therefore these they this those though through
  throughout thus to today together tomorrow too toward towards under unless unlike until up upon us very via
  was we well were what whatever when whenever where whereas wherever whether which while who whoever whole
  whom whose why will with within without would yet yesterday you your yours yourself yourselves
  according added adding asked asking believe believed called calling came come comes coming despite discussing
  following given going got including looking made make making meanwhile mr noted noting over recently said
  saying says see seen speaking still take taking told tonight two three four five six seven eight nine ten
  twenty hundred thousand million billion new old big small good bad best better worse worst high low long short
  great little large last first second third final further other same different many much several some
  yes no ok okay oh separately
  under while although though unless whether please thanks thank sorry hello
  police troops people players fans analysts experts sources reports officials residents witnesses
  share shares prices profits sales stocks markets results scores standings
  home away win wins won lose loses lost beat beats draw drew play plays played
  there's it's that's he's she's we're they're i'm don't doesn't didn't won't can't isn't aren't wasn't
`);

/**
 * Common English nouns and adjectives that open sentences in news ("Friendship
 * through sport", "Fuel duty is ...", "Recent figures ..."). Only a *single*
 * capitalised word at the start of a sentence or quotation is checked against
 * them, and only when the document never capitalises it elsewhere, so they may
 * also be names ("Orange", "Green said").
 */
const COMMON_OPENERS = set(`
  friendship body headline fuel quote quotes consumer consumers world recent local part top veteran digital born
  half higher fellow rock late speculation net rival real failure movie record similar key controversial global
  major stock smaller interest call altogether full political work children yeah double crucial campaign civil
  inside format strong total weak unemployment young fresh huge prior bigger opinion due separate beer green set
  professional ditto comedy past hit imagine tough apart initial profile controversy telephone trouble look
  critical star likewise shame savvy online fast broadband faster computer portable ad market money poor sluggish
  safety rich sound pension production domestic subject criminal male internal inflation income dismal payroll
  retail mystery infrastructure construction ban preview dance gone adult modest tragedy quirky soldier pop boy
  technology heavy talk singer support right footage teenage amid anger recruit number peace row mind welcome
  brilliant athletics sale case creative hotspot scam acceptance video spin spyware geographic handset ultimate
  demand freeze accurate forget wearable brainwave complex hybrid data older universal speak turnover journalists
  industrial potential buoyant instability revenue uncertainty average closures outside catalogue gold slowdown
  output personal cheap train arbitration salary winter rhetoric cold weaker wholesale optimism visitor alarm
  documentation standoff gaming greater moderate survey concern competition reform resort genuine power regular
  slower structural employment successive pharmaceutical aggressive price prospective stormy whichever rural
  tuppence spring summer autumn fall news sport sports business health education science economy weather travel
  music film films art arts culture history nature water food energy oil gas coal housing transport traffic
  crime justice defence security trade tax taxes budget debt growth profit loss losses jobs job staff workers
  students parents women men girls boy boys girl child family friends friend life death love hope fear war
  peace freedom democracy victory defeat success progress change plan plans talks deal deals vote votes
  election elections team teams match game games season goal goals title titles final finals league round
  player fan injury injuries coach coaches manager managers critics supporters opponents rivals voters leaders
  officials ministers members delegates athletes representatives observers sanctions measures plans calls
  voices clips delegates reaction relations ties issues issue problems problem question questions answer
  answers idea ideas work research study studies evidence figures data statistics numbers details facts
  headlines words word story stories picture pictures image images photo photos report reports statement
  statements letter letters message messages email emails phone phones mobile internet website websites
  software hardware network networks service services system systems product products brand brands
  twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen thirty forty fifty sixty seventy eighty
  ninety fourth fifth sixth seventh eighth ninth tenth
`);

/**
 * Common given names: a capitalised word from this list followed by another
 * capitalised word is a strong person cue ("Gordon Brown").
 */
const GIVEN_NAMES = set(`
  aaron abdul abdullah adam adrian ahmed ahmad alan albert alex alexander alexandra alexei alfred ali alice alison
  amanda amy andre andrea andreas andrei andrew andy angela ann anna anne anastasia anthony antonio arnold arthur
  barbara barry ben benjamin bernard bill billy bob boris brad brandon brian bruce carl carlos carol caroline
  catherine charles charlie chris christian christina christine christopher claire colin craig dan daniel danny
  david dean dennis derek diana diane dmitry dmitri don donald douglas dylan ed eddie edward elena elizabeth
  emily emma eric erik eugene evgeny fatima felix fernando francis francisco frank fred frederick gary george
  georgi gerald gerhard gianni giovanni gordon graham greg gregory guy hans harold harry heather helen helmut
  henry howard hugh ian igor ivan jack jacques james jamie jan jane janet jason jean jeff jeffrey jennifer jeremy
  jerry jim jimmy joan joe johan johann john johnny jon jonathan jorge jose joseph juan julia julian julie justin
  karen karl kate katherine keith kelly ken kenneth kevin kim klaus kurt larry laura lee leo leonardo leonid
  lewis linda lisa louis lucy luis mahmoud marc marco margaret maria marie mario mark martin mary matt matthew
  maurice max michael michel michelle miguel mike mikhail mohamed mohammed muhammad nancy nasser natalia neil
  nicholas nick nicola nicolas nikolai nikolay oleg oliver olga omar oscar owen pablo pat patrick paul pedro
  peter philip phil pierre rachel ralph ray raymond richard rick rob robert robin rodion roger roman ron ronald
  rosa roy ruth ryan sam samuel sandra sarah scott sean sebastian sergei sergey simon stanislav stefan stephen
  steve steven stuart susan svetlana thomas tim timothy tom tommy tony valentina valery victor viktor vincent
  vladimir vladislav walter wayne william willie yasser yuri yury zoe dirk herve hans bashar
  gerhard jacques jean-claude jean-pierre jean-marie hans-peter wolfgang jurgen jorg uwe dieter manfred helmut
  francois jean-luc alain philippe yves bernard gerard thierry laurent nicolas jacques-yves olivier
  giuseppe luigi paolo francesco alessandro massimo roberto stefano andrea fabio carlo sergio
  jose-maria javier manuel rafael alejandro diego sergio pedro fernando luis jesus ricardo
  pieter willem jan-peter hendrik bjorn lars nils sven erik anders magnus per ole jens
  jiang li wang zhang liu chen yang zhao huang xi hu wen deng mao kofi nelson thabo jacob
  yevgeny alexey anatoly boris gennady grigory konstantin maxim mikhail pavel pyotr sergey vasily viktor vyacheslav
  yeltsin benazir nawaz shimon yitzhak benjamin ehud ariel binyamin yasser saddam hosni ahmed hafez
  warren newt bill hillary al dick colin madeleine strobe ross jesse
  steffi monica pete andre goran ivan michael greg marcelo thomas yevgeny boris
`);

/** Verbs of speech/action after which (or before which) a bare capitalised word is a person ("said Wang"). */
const PERSON_VERBS = set(`
  said says told added claimed stressed noted explained insisted argued warned urged revealed admitted
  suggested underlined hopes hoped believes believed thinks thought wrote announced confirmed denied
  replied asked answered recalled acknowledged agreed commented continued concluded declared emphasised
  emphasized observed pointed remarked reported stated whispered shouted
`);

/** Prepositions after which an unknown single capitalised word is likely a place ("in Adygea"). */
const PLACE_PREPOSITIONS = set(`in at from to near outside inside across toward towards via into`);

/**
 * Capitalised adjectives that are not entities on their own ("Islamist
 * insurgency", "Olympic movement"); they still take part in longer names
 * ("Olympic Charter").
 */
const NON_ENTITY_ADJECTIVES = set(`
  olympic paralympic islamist islamic muslim christian catholic protestant orthodox jewish sunni shia shiite
  communist socialist conservative liberal democratic republican marxist nazi western eastern northern southern
  english-language internet web
`);

/**
 * Organisations known by one word: cue words that are a name on their own
 * ("Congress", "the Kremlin"; other cue words alone are not), news agencies
 * (they sign articles and photo credits) and international bodies.
 */
const STANDALONE_NAMES = set(`
  congress parliament senate kremlin pentagon nato opec interpol europol fifa uefa ioc un u.n eu osce oecd imf
  u.n. wto who unesco unicef unhcr treasury fed reuters interfax xinhua afp bloomberg tass itar-tass ria dpa kyodo
  yonhap anp ansa efe
`);

/**
 * Last parts of capitalised hyphenated adjectives that describe the name after
 * them ("Sydney-listed Virgin Blue", "Ontario-based Magna", "Brazilian-born
 * Luis Oliveira"): the compound is no name itself.
 */
const DESCRIPTOR_TAILS = set(`
  based listed owned controlled run backed headquartered registered quoted traded funded led born bred
  educated trained raised
`);

/** Of {@link DESCRIPTOR_TAILS}, those that describe an organisation ("Sydney-listed", "state-owned"). */
export const ORG_DESCRIPTOR_TAILS = set(`
  based listed owned controlled run backed headquartered registered quoted traded funded
`);

/** Of {@link DESCRIPTOR_TAILS}, those that describe a person ("Brazilian-born", "Oxford-educated"). */
export const PERSON_DESCRIPTOR_TAILS = set(`born bred educated trained raised`);

/**
 * Well-known companies and brands, by a word of their name: a multi-word name
 * starting or ending with one is an organisation or its product ("Honda
 * Accura", "Microsoft Windows"), never a person.
 */
const COMPANIES = set(`
  honda toyota nissan ford bmw audi volkswagen vw mercedes daimler chrysler fiat renault peugeot citroen volvo
  hyundai kia mazda porsche ferrari jaguar saab vauxhall rover lexus mitsubishi subaru suzuki yamaha
  microsoft google apple ibm intel amd oracle sony samsung nokia motorola ericsson siemens philips panasonic
  toshiba hitachi fujitsu nintendo sega yahoo amazon ebay aol netscape napster skype vodafone o2 hp dell
  compaq xerox kodak boeing airbus lockheed exxon exxonmobil chevron texaco enron worldcom citigroup barclays
  hsbc lloyds natwest ubs goldman jpmorgan nestle unilever coca-cola pepsi pepsico mcdonald's starbucks nike
  adidas reebok walmart wal-mart tesco sainsbury sainsbury's asda gucci prada easyjet ryanair lufthansa
  qantas disney viacom pfizer glaxosmithkline novartis bayer basf gazprom yukos lukoil rosneft alcatel
  vivendi bertelsmann nasdaq
`);

/**
 * Companies whose two-word name reads like a person's ("Time Warner", "Morgan
 * Stanley"): matched on the whole folded name, so "John Warner" stays a person.
 */
export const COMPANY_NAMES = new Set([
  'time warner', 'morgan stanley', 'goldman sachs', 'merrill lynch', 'charles schwab', 'dow jones', 'marks spencer',
  'procter gamble', 'johnson johnson', 'standard poor\'s', 'lloyds tsb', 'royal dutch', 'warner music', 'ernst young',
  'sears roebuck', 'dean witter', 'smith barney', 'hewlett-packard', 'rolls-royce', 'marks and spencer',
  'ford motor', 'general motors', 'general electric', 'deutsche telekom', 'deutsche bank', 'credit suisse',
  'virgin atlantic', 'virgin blue', 'jardine matheson', 'arthur andersen', 'lehman brothers', 'bear stearns',
]);

/**
 * Acronyms that name no entity: units, time zones, economic measures, common
 * nouns ("GMT", "GDP", "CEO", "DVD").
 */
export const NON_ENTITY_ACRONYMS = set(`
  gmt bst est pst cet am pm gdp gnp pmi cpi rpi rbi era ceo cfo coo cto tv hdtv dvd cd cds pc pcs sms mms
  atm faq hiv aids dna id ok vat ipo ipos mph kph mw gw kw ppm bc ad
`);

/**
 * Words of results, tables and match reports: evidence that a document is a
 * sports report, where a club is named after its home (`teams.ts`).
 */
const SPORTS_WORDS = set(`
  soccer football cricket baseball basketball hockey rugby tennis golf athletics boxing
  league division standings halftime half-time innings wickets wicket overs batsman bowler
  goals goal scorers scored striker midfielder goalkeeper defender champions championship
  match matches fixture fixtures premiership drew coach club clubs stadium cup semi-final quarter-final
`);

/** The cricket words among {@link SPORTS_WORDS}. */
const CRICKET_WORDS = set(`cricket innings wickets wicket overs batsman bowler`);

/** Index of a word's shape: the low five bits of its first and of its last char. */
function shapeIndex(word: string): number {
  return ((word.charCodeAt(0) & 31) << 5) | (word.charCodeAt(word.length - 1) & 31);
}

/**
 * The shapes of the words of `lists` (first char, last char, length: one bit
 * for each length below 32) for {@link hasShape}.
 */
export function wordShapes(lists: Iterable<string>[]): Uint32Array {
  const shapes = new Uint32Array(1024);
  for (const list of lists) for (const word of list) shapes[shapeIndex(word)] |= 1 << (word.length & 31);
  return shapes;
}

/**
 * False only when a non-empty `word` is in none of the lists `shapes` was made from;
 * true only says it may be in one (other words share its shape). Two char reads instead
 * of hashing a new token string for a lookup that nearly always misses: most tokens are
 * no cue word.
 */
export function hasShape(shapes: Uint32Array, word: string): boolean {
  return (shapes[shapeIndex(word)] & (1 << (word.length & 31))) !== 0;
}

/** {@link hasShape} for a word of `length` code units given by its first and last (ASCII letters' low five bits are the same in either case). */
export function hasShapeOf(shapes: Uint32Array, first: number, last: number, length: number): boolean {
  return (shapes[((first & 31) << 5) | (last & 31)] & (1 << (length & 31))) !== 0;
}

/**
 * The shapes of {@link SPORTS_WORDS}: every word of a document is asked, and
 * this spares hashing the great many that cannot be one.
 */
const SPORTS_SHAPES = wordShapes([SPORTS_WORDS]);

/**
 * False when no word of {@link SPORTS_WORDS} has this first and last code unit (in either case) and
 * length: the scanner asks this of every word it reads, with the letters in hand.
 */
export function maybeSportsWord(first: number, last: number, length: number): boolean {
  return hasShapeOf(SPORTS_SHAPES, first, last, length);
}

/** 2 for a cricket word, 1 for another word of {@link SPORTS_WORDS}, 0 for any other folded word. */
export function sportsWordKind(norm: string): number {
  if (!hasShape(SPORTS_SHAPES, norm) || !SPORTS_WORDS.has(norm)) return 0;
  return CRICKET_WORDS.has(norm) ? 2 : 1;
}

// ---------------------------------------------------------------- word classes

/** Bits of {@link lexicalClass}, one per word list (or rule on one word) the entity rules ask about. */
export const LEX = {
  /** {@link COMMON_WORDS} */
  common: 1 << 0,
  /** {@link CALENDAR_WORDS} */
  calendar: 1 << 1,
  /** {@link HONORIFICS} */
  honorific: 1 << 2,
  /** A key of {@link NATIONALITIES} (its own: "constructor" is no nationality). */
  nationality: 1 << 3,
  /** A title word: a head or modifier, or a hyphenated compound of them ("vice-president", "ex-chairman"). */
  titleWord: 1 << 4,
  /** A title head, or a hyphenated title word with a head among its parts ("ambassador-at-large"). */
  titleHead: 1 << 5,
  /** A hyphenated word ending in one of {@link DESCRIPTOR_TAILS} ("sydney-listed"). */
  descriptor: 1 << 6,
  /** {@link PLACES} or {@link REGIONS} */
  place: 1 << 7,
  /** {@link ORG_CUES} */
  orgCue: 1 << 8,
  /** {@link OTHER_CUES} */
  otherCue: 1 << 9,
  /** {@link PLACE_CUES} */
  placeCue: 1 << 10,
  /** {@link STANDALONE_NAMES} */
  standalone: 1 << 11,
  /** {@link GIVEN_NAMES} */
  given: 1 << 12,
  /** {@link PERSON_VERBS} */
  personVerb: 1 << 13,
  /** {@link NAME_PARTICLES} */
  particle: 1 << 14,
  /** {@link OF_HEADS} */
  ofHead: 1 << 15,
  /** {@link COMMON_OPENERS} */
  commonOpener: 1 << 16,
  /** {@link PLACE_PREPOSITIONS} */
  placePreposition: 1 << 17,
  /** {@link COMPANIES} */
  company: 1 << 18,
  /** {@link CLUB_PREFIXES} */
  clubPrefix: 1 << 19,
  /** {@link MEETING_HEADS} */
  meetingHead: 1 << 20,
  /** {@link STANDING_BODY_WORDS} */
  standingBody: 1 << 21,
  /** {@link NON_ENTITY_ADJECTIVES} */
  nonEntityAdjective: 1 << 22,
  /** A key of {@link DEMONYM_NOUNS} (its own). */
  demonym: 1 << 23,
} as const;

/**
 * The word lists a folded word belongs to, as {@link LEX} bits: the rules
 * test a bit where they would look the word up in list after list. One table
 * holds the bits of every listed word (a few thousand: small enough to stay
 * fast to probe); hyphenated compounds ("vice-president", "sydney-listed")
 * are worked out from their parts and remembered apart.
 */
export function lexicalClass(norm: string): number {
  let bits = 0;
  for (let k = LISTED_BY_SHAPE[listedShape(norm)] - 1; k >= 0; k = LISTED_NEXT[k] - 1) {
    if (LISTED_WORDS[k] === norm) {
      bits = LISTED_BITS[k];
      break;
    }
  }
  return norm.includes('-') ? bits | compoundClass(norm) : bits;
}

/**
 * A word's slot in {@link LISTED_BY_SHAPE}: its first two letters, last letter and length, mixed.
 * The rules ask about every word of a name and its neighbours, each a string fresh from the text;
 * reading three letters and comparing with the one or two listed words of that shape is much
 * cheaper than hashing the whole word for a map.
 */
function listedShape(norm: string): number {
  const n = norm.length;
  // (Reading past the end would make V8 drop the optimised code; a one-letter word's second letter counts as 0.)
  const mix = (norm.charCodeAt(0) << 16) ^ ((n > 1 ? norm.charCodeAt(1) : 0) << 8) ^ norm.charCodeAt(n - 1) ^ (n << 24);
  return Math.imul(mix, 0x9e3779b1) >>> (32 - LISTED_SHAPE_BITS);
}

/** Bits of {@link listedShape}: a table of 8,192 slots (16 kB) stays in the processor's nearest cache. */
const LISTED_SHAPE_BITS = 13;

/** The bits of every word of the lists (compounds aside). */
const WORD_BITS = ((): Map<string, number> => {
  const bits = new Map<string, number>();
  const add = (words: Iterable<string>, bit: number) => {
    for (const w of words) bits.set(w, (bits.get(w) ?? 0) | bit);
  };
  add(COMMON_WORDS, LEX.common);
  add(CALENDAR_WORDS, LEX.calendar);
  add(HONORIFICS, LEX.honorific);
  add(Object.keys(NATIONALITIES), LEX.nationality);
  add(TITLE_HEADS, LEX.titleWord | LEX.titleHead);
  add(TITLE_MODIFIERS, LEX.titleWord);
  add(PLACES, LEX.place);
  add(REGIONS, LEX.place);
  add(ORG_CUES, LEX.orgCue);
  add(OTHER_CUES, LEX.otherCue);
  add(PLACE_CUES, LEX.placeCue);
  add(STANDALONE_NAMES, LEX.standalone);
  add(GIVEN_NAMES, LEX.given);
  add(PERSON_VERBS, LEX.personVerb);
  add(NAME_PARTICLES, LEX.particle);
  add(OF_HEADS, LEX.ofHead);
  add(COMMON_OPENERS, LEX.commonOpener);
  add(PLACE_PREPOSITIONS, LEX.placePreposition);
  add(COMPANIES, LEX.company);
  add(CLUB_PREFIXES, LEX.clubPrefix);
  add(MEETING_HEADS, LEX.meetingHead);
  add(STANDING_BODY_WORDS, LEX.standingBody);
  add(NON_ENTITY_ADJECTIVES, LEX.nonEntityAdjective);
  add(Object.keys(DEMONYM_NOUNS), LEX.demonym);
  return bits;
})();

/** The words of {@link WORD_BITS} and their bits, side by side, for the shape table below. */
const LISTED_WORDS = [...WORD_BITS.keys()];
const LISTED_BITS = Int32Array.from(LISTED_WORDS, (w) => WORD_BITS.get(w) ?? 0);

/**
 * Chained hash table of the listed words by {@link listedShape}: `LISTED_BY_SHAPE[shape] - 1` is the
 * first word of that shape (-1: none), `LISTED_NEXT[k] - 1` the next one after word `k`.
 */
const LISTED_BY_SHAPE = new Uint16Array(1 << LISTED_SHAPE_BITS);
const LISTED_NEXT = new Uint16Array(LISTED_WORDS.length);
for (let k = 0; k < LISTED_WORDS.length; k++) {
  const shape = listedShape(LISTED_WORDS[k]);
  LISTED_NEXT[k] = LISTED_BY_SHAPE[shape];
  LISTED_BY_SHAPE[shape] = k + 1;
}

/** Bits of hyphenated words: title compounds ("ex-chairman", "ambassador-at-large") and descriptors ("sydney-listed"). */
function compoundClass(norm: string): number {
  let bits = compounds.get(norm);
  if (bits === undefined) {
    if (compounds.size >= MAX_COMPOUNDS) compounds.clear();
    bits = 0;
    if (isTitleWord(norm)) bits |= LEX.titleWord;
    if (isTitleHead(norm)) bits |= LEX.titleHead;
    const dash = norm.lastIndexOf('-');
    if (dash > 0 && DESCRIPTOR_TAILS.has(norm.slice(dash + 1))) bits |= LEX.descriptor;
    compounds.set(ownCopy(norm), bits);
  }
  return bits;
}

const compounds = new Map<string, number>();
const MAX_COMPOUNDS = 20_000;

/**
 * A copy of a word cut from a document that does not keep the document alive:
 * the engine may represent a long slice as a view of the whole text, and the
 * table outlives the document. Joining first forces a fresh string.
 */
function ownCopy(word: string): string {
  return word.length < 13 ? word : (' ' + word).slice(1);
}

/** True for words that can be part of a title ("Deputy", "Defence", "Minister", "vice-president"). */
function isTitleWord(norm: string): boolean {
  if (TITLE_HEADS.has(norm) || TITLE_MODIFIERS.has(norm)) return true;
  if (!norm.includes('-')) return false;
  return norm.split('-').every((p, i) => TITLE_HEADS.has(p) || TITLE_MODIFIERS.has(p) || p === 'at' || p === 'large' || p === 'in' || (i === 0 && p === 'ex'));
}

/** True for words that make a run of title words a role ("Minister", "aide", "ambassador-at-large"). */
function isTitleHead(norm: string): boolean {
  if (TITLE_HEADS.has(norm)) return true;
  return norm.includes('-') && norm.split('-').some((p) => TITLE_HEADS.has(p)) && isTitleWord(norm);
}
