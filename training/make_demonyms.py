"""Generate src/lagebild/resources/de/demonyms.tsv.

Country names: German short names from babel (CLDR) for every ISO 3166-1 country in pycountry,
with a few overrides for the forms German news uses ("USA", "Großbritannien", "Kongo").
Adjective and noun forms: written by hand (below). Cities, German/Austrian/Swiss regions,
continents, historical states and compound prefixes ("US-") are hand-written too.

Run: .venv/bin/python training/make_demonyms.py
"""
from __future__ import annotations

from pathlib import Path

from babel import Locale
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src/lagebild/resources/de/demonyms.tsv"

# ISO | place override ("" = CLDR German name) | adjective lemma(s) ; | noun masc ; | noun fem ;
COUNTRIES = """
AF||afghanisch|Afghane|Afghanin
EG||ägyptisch|Ägypter|Ägypterin
AL||albanisch|Albaner|Albanerin
DZ||algerisch|Algerier|Algerierin
AD||andorranisch|Andorraner|Andorranerin
AO||angolanisch|Angolaner|Angolanerin
AG||antiguanisch|Antiguaner|Antiguanerin
GQ||äquatorialguineisch|Äquatorialguineer|Äquatorialguineerin
AR||argentinisch|Argentinier|Argentinierin
AM||armenisch|Armenier|Armenierin
AZ||aserbaidschanisch|Aserbaidschaner|Aserbaidschanerin
ET||äthiopisch|Äthiopier|Äthiopierin
AU||australisch|Australier|Australierin
BS||bahamaisch|Bahamaer|Bahamaerin
BH||bahrainisch|Bahrainer|Bahrainerin
BD||bangladeschisch|Bangladescher|Bangladescherin
BB||barbadisch|Barbadier|Barbadierin
BY||belarussisch;weißrussisch|Belarusse;Weißrusse|Belarussin;Weißrussin
BE||belgisch|Belgier|Belgierin
BZ||belizisch|Belizer|Belizerin
BJ||beninisch|Beniner|Beninerin
BT||bhutanisch|Bhutaner|Bhutanerin
BO||bolivianisch|Bolivianer|Bolivianerin
BA||bosnisch;bosnisch-herzegowinisch|Bosnier|Bosnierin
BW||botsuanisch|Botsuaner|Botsuanerin
BR||brasilianisch|Brasilianer|Brasilianerin
BN||bruneiisch|Bruneier|Bruneierin
BG||bulgarisch|Bulgare|Bulgarin
BF||burkinisch|Burkiner|Burkinerin
BI||burundisch|Burundier|Burundierin
CL||chilenisch|Chilene|Chilenin
CN||chinesisch|Chinese|Chinesin
CR||costa-ricanisch|Costa-Ricaner|Costa-Ricanerin
CI||ivorisch|Ivorer|Ivorerin
DK||dänisch|Däne|Dänin
DE||deutsch;bundesdeutsch|Deutscher|Deutsche
DM||dominicanisch|Dominicaner|Dominicanerin
DO||dominikanisch|Dominikaner|Dominikanerin
DJ||dschibutisch|Dschibutier|Dschibutierin
EC||ecuadorianisch|Ecuadorianer|Ecuadorianerin
SV||salvadorianisch|Salvadorianer|Salvadorianerin
ER||eritreisch|Eritreer|Eritreerin
EE||estnisch|Este|Estin
SZ||eswatinisch;swasiländisch|Eswatiner;Swasi|Eswatinerin
FJ||fidschianisch|Fidschianer|Fidschianerin
FI||finnisch|Finne|Finnin
FR||französisch|Franzose|Französin
GA||gabunisch|Gabuner|Gabunerin
GM||gambisch|Gambier|Gambierin
GE||georgisch|Georgier|Georgierin
GH||ghanaisch|Ghanaer|Ghanaerin
GD||grenadisch|Grenader|Grenaderin
GR||griechisch|Grieche|Griechin
GB|Großbritannien|britisch;großbritannisch|Brite|Britin
GT||guatemaltekisch|Guatemalteke|Guatemaltekin
GN||guineisch|Guineer|Guineerin
GW||guinea-bissauisch|Guinea-Bissauer|Guinea-Bissauerin
GY||guyanisch|Guyaner|Guyanerin
HT||haitianisch|Haitianer|Haitianerin
HN||honduranisch|Honduraner|Honduranerin
IN||indisch|Inder|Inderin
ID||indonesisch|Indonesier|Indonesierin
IQ||irakisch|Iraker|Irakerin
IR||iranisch|Iraner|Iranerin
IE||irisch|Ire|Irin
IS||isländisch|Isländer|Isländerin
IL||israelisch|Israeli|Israelin
IT||italienisch|Italiener|Italienerin
JM||jamaikanisch|Jamaikaner|Jamaikanerin
JP||japanisch|Japaner|Japanerin
YE||jemenitisch|Jemenit|Jemenitin
JO||jordanisch|Jordanier|Jordanierin
KH||kambodschanisch|Kambodschaner|Kambodschanerin
CM||kamerunisch|Kameruner|Kamerunerin
CA||kanadisch|Kanadier|Kanadierin
CV||kap-verdisch|Kap-Verdier|Kap-Verdierin
KZ||kasachisch|Kasache|Kasachin
QA||katarisch|Katarer|Katarerin
KE||kenianisch|Kenianer|Kenianerin
KG||kirgisisch|Kirgise|Kirgisin
KI||kiribatisch|Kiribatier|Kiribatierin
CO||kolumbianisch|Kolumbianer|Kolumbianerin
KM||komorisch|Komorer|Komorerin
CD|Demokratische Republik Kongo|kongolesisch|Kongolese|Kongolesin
CG|Republik Kongo|kongolesisch|Kongolese|Kongolesin
XK||kosovarisch;kosovo-albanisch|Kosovare;Kosovo-Albaner|Kosovarin;Kosovo-Albanerin
HR||kroatisch|Kroate|Kroatin
CU||kubanisch|Kubaner|Kubanerin
KW||kuwaitisch|Kuwaiter|Kuwaiterin
LA||laotisch|Laote|Laotin
LS||lesothisch|Lesother|Lesotherin
LV||lettisch|Lette|Lettin
LB||libanesisch|Libanese|Libanesin
LR||liberianisch|Liberianer|Liberianerin
LY||libysch|Libyer|Libyerin
LI||liechtensteinisch|Liechtensteiner|Liechtensteinerin
LT||litauisch|Litauer|Litauerin
LU||luxemburgisch|Luxemburger|Luxemburgerin
MG||madagassisch|Madagasse|Madagassin
MW||malawisch|Malawier|Malawierin
MY||malaysisch|Malaysier|Malaysierin
MV||maledivisch|Malediver|Malediverin
ML||malisch|Malier|Malierin
MT||maltesisch|Malteser|Malteserin
MA||marokkanisch|Marokkaner|Marokkanerin
MH||marshallisch|Marshaller|Marshallerin
MR||mauretanisch|Mauretanier|Mauretanierin
MU||mauritisch|Mauritier|Mauritierin
MX||mexikanisch|Mexikaner|Mexikanerin
FM||mikronesisch|Mikronesier|Mikronesierin
MD||moldauisch;moldawisch|Moldauer;Moldawier|Moldauerin;Moldawierin
MC||monegassisch|Monegasse|Monegassin
MN||mongolisch|Mongole|Mongolin
ME||montenegrinisch|Montenegriner|Montenegrinerin
MZ||mosambikanisch|Mosambikaner|Mosambikanerin
MM||myanmarisch;birmanisch|Myanmare;Birmane|Myanmarin;Birmanin
NA||namibisch|Namibier|Namibierin
NR||nauruisch|Nauruer|Nauruerin
NP||nepalesisch|Nepalese|Nepalesin
NZ||neuseeländisch|Neuseeländer|Neuseeländerin
NI||nicaraguanisch|Nicaraguaner|Nicaraguanerin
NL||niederländisch;holländisch|Niederländer;Holländer|Niederländerin;Holländerin
NE||nigrisch|Nigrer|Nigrerin
NG||nigerianisch|Nigerianer|Nigerianerin
KP||nordkoreanisch|Nordkoreaner|Nordkoreanerin
MK||nordmazedonisch;mazedonisch|Nordmazedonier;Mazedonier|Nordmazedonierin;Mazedonierin
NO||norwegisch|Norweger|Norwegerin
OM||omanisch|Omaner|Omanerin
AT||österreichisch|Österreicher|Österreicherin
TL||osttimoresisch|Osttimorese|Osttimoresin
PK||pakistanisch|Pakistaner|Pakistanerin
PS|Palästina|palästinensisch|Palästinenser|Palästinenserin
PW||palauisch|Palauer|Palauerin
PA||panamaisch|Panamaer|Panamaerin
PG||papua-neuguineisch|Papua-Neuguineer|Papua-Neuguineerin
PY||paraguayisch|Paraguayer|Paraguayerin
PE||peruanisch|Peruaner|Peruanerin
PH||philippinisch|Philippiner|Philippinerin
PL||polnisch|Pole|Polin
PT||portugiesisch|Portugiese|Portugiesin
RW||ruandisch|Ruander|Ruanderin
RO||rumänisch|Rumäne|Rumänin
RU||russisch|Russe|Russin
SB||salomonisch|Salomoner|Salomonerin
ZM||sambisch|Sambier|Sambierin
WS||samoanisch|Samoaner|Samoanerin
SM||san-marinesisch|San-Marinese|San-Marinesin
ST||são-toméisch|São-Toméer|São-Toméerin
SA||saudi-arabisch;saudisch|Saudi-Araber;Saudi|Saudi-Araberin
SE||schwedisch|Schwede|Schwedin
CH||schweizerisch;eidgenössisch|Schweizer|Schweizerin
SN||senegalesisch|Senegalese|Senegalesin
RS||serbisch|Serbe|Serbin
SC||seychellisch|Seycheller|Seychellerin
SL||sierra-leonisch|Sierra-Leoner|Sierra-Leonerin
ZW||simbabwisch|Simbabwer|Simbabwerin
SG||singapurisch|Singapurer|Singapurerin
SK||slowakisch|Slowake|Slowakin
SI||slowenisch|Slowene|Slowenin
SO||somalisch|Somalier|Somalierin
ES||spanisch|Spanier|Spanierin
LK||sri-lankisch|Sri-Lanker|Sri-Lankerin
KN||st.-kittsisch|St.-Kittser|St.-Kittserin
LC||lucianisch|Lucianer|Lucianerin
VC||vincentisch|Vincenter|Vincenterin
ZA||südafrikanisch|Südafrikaner|Südafrikanerin
SD||sudanesisch|Sudanese|Sudanesin
KR||südkoreanisch|Südkoreaner|Südkoreanerin
SS||südsudanesisch|Südsudanese|Südsudanesin
SR||surinamisch|Surinamer|Surinamerin
SY||syrisch|Syrer|Syrerin
TJ||tadschikisch|Tadschike|Tadschikin
TW||taiwanisch;taiwanesisch|Taiwaner;Taiwanese|Taiwanerin;Taiwanesin
TZ||tansanisch|Tansanier|Tansanierin
TH||thailändisch|Thailänder|Thailänderin
TG||togoisch|Togoer|Togoerin
TO||tongaisch|Tongaer|Tongaerin
TT||trinidadisch|Trinidader|Trinidaderin
TD||tschadisch|Tschader|Tschaderin
CZ||tschechisch|Tscheche|Tschechin
TN||tunesisch|Tunesier|Tunesierin
TR||türkisch|Türke|Türkin
TM||turkmenisch|Turkmene|Turkmenin
TV||tuvaluisch|Tuvaluer|Tuvaluerin
UG||ugandisch|Ugander|Uganderin
UA||ukrainisch|Ukrainer|Ukrainerin
HU||ungarisch|Ungar|Ungarin
UY||uruguayisch|Uruguayer|Uruguayerin
US|USA|amerikanisch;US-amerikanisch|Amerikaner;US-Amerikaner|Amerikanerin;US-Amerikanerin
UZ||usbekisch|Usbeke|Usbekin
VU||vanuatuisch|Vanuatuer|Vanuatuerin
VA|Vatikan|vatikanisch||
VE||venezolanisch|Venezolaner|Venezolanerin
AE||emiratisch|Emirater|Emiraterin
VN||vietnamesisch|Vietnamese|Vietnamesin
CF||zentralafrikanisch|Zentralafrikaner|Zentralafrikanerin
CY||zypriotisch;zyprisch|Zyprer;Zypriot|Zyprerin;Zypriotin
GL||grönländisch|Grönländer|Grönländerin
PR||puerto-ricanisch|Puerto-Ricaner|Puerto-Ricanerin
HK||hongkongisch|Hongkonger|Hongkongerin
""".strip()

# form-type | place | place_type  (adj lemmas and nouns, hand-written)
OTHER = """
sowjetisch|Sowjetunion|historical_state
Sowjetbürger|Sowjetunion|historical_state
jugoslawisch|Jugoslawien|historical_state
Jugoslawe|Jugoslawien|historical_state
tschechoslowakisch|Tschechoslowakei|historical_state
preußisch|Preußen|historical_state
Preuße|Preußen|historical_state
osmanisch|Osmanisches Reich|historical_state
ostdeutsch|Ostdeutschland|region
westdeutsch|Westdeutschland|region
englisch|England|region
Engländer|England|region
schottisch|Schottland|region
Schotte|Schottland|region
walisisch|Wales|region
Waliser|Wales|region
nordirisch|Nordirland|region
katalanisch|Katalonien|region
Katalane|Katalonien|region
baskisch|Baskenland|region
Baske|Baskenland|region
kurdisch|Kurdistan|region
Kurde|Kurdistan|region
tibetisch|Tibet|region
Tibeter|Tibet|region
tschetschenisch|Tschetschenien|region
Tschetschene|Tschetschenien|region
krimtatarisch|Krim|region
sizilianisch|Sizilien|region
Sizilianer|Sizilien|region
korsisch|Korsika|region
Korse|Korsika|region
kalifornisch|Kalifornien|state
Kalifornier|Kalifornien|state
texanisch|Texas|state
Texaner|Texas|state
bayerisch;bayrisch|Bayern|state
Bayer|Bayern|state
sächsisch|Sachsen|state
Sachse|Sachsen|state
hessisch|Hessen|state
Hesse|Hessen|state
thüringisch|Thüringen|state
Thüringer|Thüringen|state
brandenburgisch|Brandenburg|state
Brandenburger|Brandenburg|state
niedersächsisch|Niedersachsen|state
Niedersachse|Niedersachsen|state
baden-württembergisch|Baden-Württemberg|state
Baden-Württemberger|Baden-Württemberg|state
württembergisch|Württemberg|region
badisch|Baden|region
schwäbisch|Schwaben|region
Schwabe|Schwaben|region
fränkisch|Franken|region
Franke|Franken|region
rheinland-pfälzisch|Rheinland-Pfalz|state
pfälzisch|Pfalz|region
saarländisch|Saarland|state
Saarländer|Saarland|state
nordrhein-westfälisch|Nordrhein-Westfalen|state
westfälisch|Westfalen|region
Westfale|Westfalen|region
rheinisch|Rheinland|region
schleswig-holsteinisch|Schleswig-Holstein|state
Schleswig-Holsteiner|Schleswig-Holstein|state
mecklenburgisch|Mecklenburg|region
mecklenburg-vorpommerisch|Mecklenburg-Vorpommern|state
vorpommersch|Vorpommern|region
steirisch|Steiermark|state
Steirer|Steiermark|state
kärntnerisch;Kärntner|Kärnten|state
Kärntner|Kärnten|state
tirolerisch;Tiroler|Tirol|state
Tiroler|Tirol|state
Südtiroler|Südtirol|region
Vorarlberger|Vorarlberg|state
vorarlbergisch|Vorarlberg|state
niederösterreichisch|Niederösterreich|state
Niederösterreicher|Niederösterreich|state
oberösterreichisch|Oberösterreich|state
Oberösterreicher|Oberösterreich|state
burgenländisch|Burgenland|state
Burgenländer|Burgenland|state
salzburgerisch;Salzburger|Salzburg|state
Salzburger|Salzburg|state
europäisch|Europa|continent
Europäer|Europa|continent
afrikanisch|Afrika|continent
Afrikaner|Afrika|continent
asiatisch|Asien|continent
Asiate|Asien|continent
lateinamerikanisch|Lateinamerika|region
Lateinamerikaner|Lateinamerika|region
südamerikanisch|Südamerika|continent
Südamerikaner|Südamerika|continent
nordamerikanisch|Nordamerika|continent
Nordamerikaner|Nordamerika|continent
australisch|Australien|continent
arktisch|Arktis|region
antarktisch|Antarktis|continent
skandinavisch|Skandinavien|region
Skandinavier|Skandinavien|region
baltisch|Baltikum|region
balkanisch|Balkan|region
nahöstlich|Naher Osten|region
fernöstlich|Ferner Osten|region
nordafrikanisch|Nordafrika|region
Nordafrikaner|Nordafrika|region
westafrikanisch|Westafrika|region
ostafrikanisch|Ostafrika|region
osteuropäisch|Osteuropa|region
Osteuropäer|Osteuropa|region
westeuropäisch|Westeuropa|region
mitteleuropäisch|Mitteleuropa|region
südeuropäisch|Südeuropa|region
nordeuropäisch|Nordeuropa|region
südostasiatisch|Südostasien|region
zentralasiatisch|Zentralasien|region
kaukasisch|Kaukasus|region
karibisch|Karibik|region
mediterran|Mittelmeer|region
""".strip()

CITIES = """
Berliner|Berlin
Hamburger|Hamburg
Münchner;Münchener|München
Kölner|Köln
Frankfurter|Frankfurt
Stuttgarter|Stuttgart
Düsseldorfer|Düsseldorf
Dortmunder|Dortmund
Essener|Essen
Leipziger|Leipzig
Bremer|Bremen
Dresdner;Dresdener|Dresden
Hannoveraner;Hannoverscher|Hannover
Nürnberger|Nürnberg
Bonner|Bonn
Karlsruher|Karlsruhe
Mainzer|Mainz
Potsdamer|Potsdam
Wiener|Wien
Grazer|Graz
Linzer|Linz
Innsbrucker|Innsbruck
Klagenfurter|Klagenfurt
Zürcher;Züricher|Zürich
Basler|Basel
Berner|Bern
Genfer|Genf
Luzerner|Luzern
Moskauer|Moskau
Pariser|Paris
Londoner|London
Brüsseler|Brüssel
Römer;römisch|Rom
Mailänder|Mailand
Madrider|Madrid
Barcelonaer|Barcelona
Lissabonner|Lissabon
Amsterdamer|Amsterdam
Prager|Prag
Warschauer|Warschau
Budapester|Budapest
Bukarester|Bukarest
Belgrader|Belgrad
Athener|Athen
Istanbuler|Istanbul
Ankaraer|Ankara
Kiewer|Kiew
Minsker|Minsk
Petersburger;St. Petersburger|Sankt Petersburg
Stockholmer|Stockholm
Osloer|Oslo
Kopenhagener|Kopenhagen
Helsinkier|Helsinki
New Yorker|New York
Washingtoner|Washington
Pekinger|Peking
Shanghaier|Shanghai
Tokioter|Tokio
Teheraner|Teheran
Kairoer|Kairo
Jerusalemer|Jerusalem
Bagdader|Bagdad
Damaszener|Damaskus
Straßburger|Straßburg
Luxemburger|Luxemburg
Haager|Den Haag
Genueser|Genua
Venezianer;venezianisch|Venedig
Neapolitaner;neapolitanisch|Neapel
Florentiner|Florenz
Salzburger|Salzburg
""".strip()

PREFIXES = """
US|USA|country
USA|USA|country
EU|Europäische Union|union
UK|Großbritannien|country
DDR|DDR|historical_state
BRD|Deutschland|country
Nahost|Naher Osten|region
UdSSR|Sowjetunion|historical_state
Sowjet|Sowjetunion|historical_state
Euro|Europa|continent
Afro|Afrika|continent
Austro|Österreich|country
Anglo|England|region
Franko|Frankreich|country
Italo|Italien|country
Russland|Russland|country
China|China|country
Türkei|Türkei|country
Iran|Iran|country
Irak|Irak|country
Syrien|Syrien|country
Ukraine|Ukraine|country
Afghanistan|Afghanistan|country
""".strip()


def main() -> None:
    names = Locale("de").territories
    rows: list[tuple[str, str, str, str]] = []
    seen_iso = set()
    for line in COUNTRIES.splitlines():
        iso, place, adjs, nm, nf = line.split("|")
        seen_iso.add(iso)
        place = place or names[iso]
        for a in filter(None, adjs.split(";")):
            rows.append((a, "adj", place, "country"))
        for n in filter(None, (nm + ";" + nf).split(";")):
            rows.append((n, "noun", place, "country"))
    for line in OTHER.splitlines():
        forms, place, ptype = line.split("|")
        for f in forms.split(";"):
            kind = "adj" if f[0].islower() else "noun"
            rows.append((f, kind, place, ptype))
    for line in CITIES.splitlines():
        forms, place = line.split("|")
        for f in forms.split(";"):
            rows.append((f, "adj", place, "city"))
    for line in PREFIXES.splitlines():
        f, place, ptype = line.split("|")
        rows.append((f, "prefix", place, ptype))
    # The German name of every ISO 3166-1 country/territory (CLDR via babel), kind "name",
    # so that every country is covered even where no adjective is listed.
    overrides = {}
    for line in COUNTRIES.splitlines():
        iso, place = line.split("|")[:2]
        if place:
            overrides[iso] = place
    for c in pycountry.countries:
        if c.alpha_2 not in names:
            continue
        ptype = "country" if c.alpha_2 in seen_iso else "territory"
        place = overrides.get(c.alpha_2, names[c.alpha_2])
        rows.append((place, "name", place, ptype))
        if names[c.alpha_2] != place:
            rows.append((names[c.alpha_2], "name", place, ptype))
    out, seen = [], set()
    for r in rows:
        if r[:3] in seen:
            continue
        seen.add(r[:3])
        out.append(r)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("form\tkind\tplace\tplace_type\n")
        for r in out:
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(out)} rows to {OUT}")


if __name__ == "__main__":
    main()
