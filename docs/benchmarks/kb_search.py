#!/usr/bin/env python3
"""Knowledge-base search benchmark (Python 3 standard library only).

Loads 10,000 articles into a running Sportello (default profile: embedded OpenSearch node) through
the Excel import (`POST /api/kb/import`, a workbook written here with zipfile), waits until the
search index holds them, then reports

  * search latency p50 / p95 of `GET /api/public/kb/search` (end to end, through the application),
  * recall@5 and MRR@10 on a small test collection of (query as a citizen would type it, expected
    article) pairs written for this purpose (Italian, inflected words, synonyms, a few typos).

Usage:  python3 docs/benchmarks/kb_search.py [--url http://localhost:8080] [--articles 10000]
Start the application first:  mvn -pl backend -am spring-boot:run
"""
import argparse
import base64
import io
import json
import random
import statistics
import sys
import time
import urllib.parse
import urllib.request
import uuid
import zipfile
from xml.sax.saxutils import escape

# ---------------------------------------------------------------------------------------------
# the test collection: articles that answer, and how citizens ask

TARGETS = {
    "B-TARI-PAGARE": ("Come si paga la tassa sui rifiuti (TARI)",
        "La TARI si paga in due rate con l'avviso pagoPA o con il modello F24 inviato dal Comune.",
        "Il Comune spedisce l'avviso con i codici pagoPA e il modello F24. Scadenze: 16 maggio e 16 novembre."),
    "B-TARI-RIDUZIONE": ("Riduzione TARI per chi vive da solo o fa compostaggio",
        "Riduzioni della tassa rifiuti per unico occupante, compostaggio domestico e ISEE basso.",
        "La domanda di riduzione si presenta all'Ufficio Tributi entro il 31 gennaio."),
    "B-IMU-SCADENZE": ("IMU: scadenze di acconto e saldo",
        "L'imposta municipale si versa in acconto a giugno e a saldo a dicembre con F24.",
        "Sono esenti le abitazioni principali non di lusso."),
    "B-CERT-RESIDENZA": ("Richiesta del certificato di residenza",
        "Il certificato di residenza si scarica gratis dall'ANPR con SPID o CIE.",
        "Allo sportello anagrafe si chiede su appuntamento; in bollo costa 16 euro."),
    "B-CERT-FAMIGLIA": ("Certificato di stato di famiglia",
        "Elenca i componenti della famiglia anagrafica; si scarica online dall'ANPR.",
        "Per la pubblica amministrazione basta l'autocertificazione."),
    "B-CERT-NASCITA": ("Estratto e certificato di nascita",
        "L'atto di nascita si richiede all'ufficio di stato civile del Comune dove si è nati.",
        "Il certificato di nascita è gratuito e si ottiene anche online."),
    "B-RESIDENZA-CAMBIO": ("Cambio di residenza o di indirizzo",
        "La dichiarazione di residenza va presentata entro 20 giorni dal trasloco.",
        "Si presenta online su ANPR, per PEC o allo sportello anagrafe."),
    "B-CIE": ("Carta d'identità elettronica (CIE): come richiederla",
        "La CIE si richiede su appuntamento all'anagrafe con una fototessera; costa 22,21 euro.",
        "Arriva per posta in sei giorni lavorativi."),
    "B-CIE-SMARRITA": ("Carta d'identità smarrita o rubata",
        "In caso di furto o smarrimento del documento serve la denuncia ai Carabinieri.",
        "Con la denuncia si prenota il rilascio di una nuova carta d'identità."),
    "B-SPID": ("Come ottenere SPID",
        "L'identità digitale si richiede a un gestore accreditato online o di persona.",
        "Servono documento, tessera sanitaria, e-mail e cellulare."),
    "B-PAGOPA": ("Pagare un avviso pagoPA",
        "Gli avvisi pagoPA si pagano online, in app IO, in banca, alla posta o in tabaccheria.",
        "Serve il codice avviso (IUV) riportato sull'avviso di pagamento."),
    "B-MULTA-PAGARE": ("Pagare una multa con lo sconto",
        "Il verbale pagato entro 5 giorni dalla notifica ha la riduzione del 30%.",
        "Si paga con pagoPA indicando il numero del verbale."),
    "B-MULTA-RICORSO": ("Ricorso contro una multa",
        "Il ricorso si presenta al Prefetto entro 60 giorni o al Giudice di pace entro 30.",
        "Occorre allegare copia del verbale e i motivi della contestazione."),
    "B-ZTL": ("Permesso di accesso alla ZTL",
        "Il permesso per la zona a traffico limitato spetta a residenti e attività della zona.",
        "La domanda si presenta online allegando la carta di circolazione."),
    "B-CONTRASSEGNO": ("Contrassegno di parcheggio per persone con disabilità",
        "Il contrassegno disabili si richiede alla polizia locale con il certificato medico-legale.",
        "Vale cinque anni e permette di parcheggiare negli stalli riservati."),
    "B-ISEE": ("Come ottenere l'ISEE",
        "L'ISEE si ottiene presentando la DSU all'INPS o a un CAF.",
        "Serve per le agevolazioni comunali e scade il 31 dicembre."),
    "B-MENSA": ("Iscrizione alla mensa scolastica",
        "L'iscrizione al servizio di refezione scolastica si fa online entro luglio.",
        "La tariffa dipende dall'ISEE del nucleo familiare."),
    "B-NIDO": ("Iscrizione all'asilo nido comunale",
        "Le domande per il nido d'infanzia si presentano a primavera per l'anno successivo.",
        "La graduatoria tiene conto del lavoro dei genitori e dell'ISEE."),
    "B-TRASPORTO-SCOLASTICO": ("Trasporto scolastico: scuolabus",
        "Il servizio di scuolabus si richiede ogni anno con la domanda online.",
        "Il pagamento avviene con avviso pagoPA in due rate."),
    "B-BONUS-AFFITTO": ("Contributo per l'affitto",
        "Il contributo per il canone di locazione è destinato alle famiglie con ISEE basso.",
        "Il bando esce una volta l'anno; serve il contratto registrato."),
    "B-MATRIMONIO": ("Pubblicazioni di matrimonio",
        "Le pubblicazioni di matrimonio si chiedono all'ufficio di stato civile del Comune di residenza.",
        "Restano affisse otto giorni; il matrimonio si celebra entro 180 giorni."),
    "B-UNIONE-CIVILE": ("Costituzione di un'unione civile",
        "Le persone dello stesso sesso costituiscono l'unione civile davanti all'ufficiale di stato civile.",
        "Si presenta la richiesta con i documenti d'identità e due testimoni."),
    "B-CITTADINANZA": ("Cittadinanza italiana per residenza",
        "La domanda di cittadinanza si presenta online al Ministero dell'interno dopo dieci anni di residenza.",
        "Il giuramento avviene in Comune entro sei mesi dalla notifica del decreto."),
    "B-ELETTORALE": ("Tessera elettorale: rinnovo e duplicato",
        "Quando gli spazi sono esauriti o la tessera è smarrita si chiede un duplicato all'ufficio elettorale.",
        "Il rilascio è immediato e gratuito."),
    "B-SCRUTATORI": ("Iscrizione all'albo degli scrutatori",
        "Per fare lo scrutatore ai seggi ci si iscrive all'albo entro il 30 novembre.",
        "Serve essere elettori del Comune e avere la licenza media."),
    "B-RIFIUTI-INGOMBRANTI": ("Ritiro dei rifiuti ingombranti",
        "Il ritiro gratuito di mobili ed elettrodomestici a domicilio si prenota per telefono o online.",
        "Gli ingombranti vanno lasciati a piano strada il giorno concordato."),
    "B-RACCOLTA-DIFFERENZIATA": ("Calendario della raccolta differenziata",
        "I giorni di raccolta porta a porta di carta, plastica, vetro e organico.",
        "Il calendario si scarica dal sito o dall'app del gestore."),
    "B-PASSO-CARRABILE": ("Autorizzazione per il passo carrabile",
        "Il passo carrabile si autorizza con una domanda allo sportello attività produttive.",
        "Si paga il canone per l'occupazione del suolo pubblico."),
    "B-OCCUPAZIONE-SUOLO": ("Occupazione di suolo pubblico per lavori o dehors",
        "Per ponteggi, cantieri e tavolini all'aperto serve la concessione di occupazione del suolo pubblico.",
        "La domanda va presentata almeno 15 giorni prima."),
    "B-CANE": ("Iscrizione del cane all'anagrafe canina",
        "Il cane va registrato con il microchip entro due mesi dalla nascita o dall'adozione.",
        "Si rivolge al veterinario o al servizio veterinario dell'ASL."),
    "B-ACCESSO-ATTI": ("Accesso agli atti amministrativi",
        "Chi ha un interesse diretto può chiedere di vedere o avere copia dei documenti del Comune.",
        "Il Comune risponde entro 30 giorni; le copie possono avere un costo."),
    "B-ACCESSO-CIVICO": ("Accesso civico generalizzato",
        "Chiunque può chiedere dati e documenti non pubblicati senza motivare la richiesta.",
        "La richiesta è gratuita e si presenta all'ufficio che detiene i dati."),
    "B-URP-RECLAMO": ("Presentare un reclamo o una segnalazione",
        "Reclami, segnalazioni e suggerimenti si inviano all'Ufficio relazioni con il pubblico.",
        "L'URP risponde entro 30 giorni."),
    "B-BUCHE": ("Segnalare una buca o un guasto all'illuminazione",
        "Strade dissestate, lampioni spenti e segnaletica danneggiata si segnalano online.",
        "La segnalazione riceve un numero per seguirne l'esito."),
    "B-CONCORSI": ("Concorsi pubblici del Comune",
        "I bandi di concorso per assunzioni sono pubblicati sul portale inPA e sul sito del Comune.",
        "La domanda si presenta online con SPID."),
    "B-EDILIZIA-CILA": ("Lavori in casa: CILA e SCIA",
        "Per ristrutturare casa serve la comunicazione di inizio lavori asseverata o la SCIA.",
        "Le pratiche edilizie si presentano allo sportello unico per l'edilizia."),
    "B-VOTO-ESTERO": ("Votare all'estero o fuori sede",
        "Gli elettori temporaneamente all'estero possono votare per corrispondenza con una domanda al Comune.",
        "La domanda va presentata entro il trentaduesimo giorno prima del voto."),
    "B-CIMITERO": ("Concessione di loculi e servizi cimiteriali",
        "Loculi, tombe di famiglia e cremazioni si richiedono all'ufficio servizi cimiteriali.",
        "La concessione dura 30 o 99 anni."),
    "B-BOLLO-AUTO": ("Bollo auto: a chi rivolgersi",
        "La tassa automobilistica è regionale: il Comune non la riscuote.",
        "Si paga con pagoPA sul sito della Regione o dell'ACI."),
    "B-IDONEITA-ALLOGGIO": ("Certificato di idoneità dell'alloggio",
        "Serve ai cittadini stranieri per il ricongiungimento familiare e il permesso di soggiorno.",
        "Si richiede all'ufficio tecnico con la planimetria dell'abitazione."),
}

QUERIES = [
    ("come pago la tari", "B-TARI-PAGARE"),
    ("pagamento tassa spazzatura", "B-TARI-PAGARE"),
    ("vivo da solo posso pagare meno rifiuti", "B-TARI-RIDUZIONE"),
    ("quando scade l'imu seconda casa", "B-IMU-SCADENZE"),
    ("certificati di residenza online", "B-CERT-RESIDENZA"),
    ("mi serve lo stato di famiglia", "B-CERT-FAMIGLIA"),
    ("atto di nascita dove lo chiedo", "B-CERT-NASCITA"),
    ("ho traslocato devo cambiare indirizzo", "B-RESIDENZA-CAMBIO"),
    ("richiedere la carta di identita elettronica", "B-CIE"),
    ("ho perso la carta d'identità", "B-CIE-SMARRITA"),
    ("mi hanno rubato il documento", "B-CIE-SMARRITA"),
    ("come faccio ad avere lo spid", "B-SPID"),
    ("identità digitale", "B-SPID"),
    ("pagare avviso pagopa in tabaccheria", "B-PAGOPA"),
    ("sconto sulle multe pagate subito", "B-MULTA-PAGARE"),
    ("fare ricorso verbale autovelox", "B-MULTA-RICORSO"),
    ("permesso per entrare in ztl", "B-ZTL"),
    ("parcheggio disabili contrassegno", "B-CONTRASSEGNO"),
    ("dove si fa l'isee", "B-ISEE"),
    ("iscrivere mio figlio alla mensa", "B-MENSA"),
    ("domanda asilo nido", "B-NIDO"),
    ("scuolabus per i bambini", "B-TRASPORTO-SCOLASTICO"),
    ("aiuto per pagare l'affitto", "B-BONUS-AFFITTO"),
    ("voglio sposarmi in comune", "B-MATRIMONIO"),
    ("unioni civili", "B-UNIONE-CIVILE"),
    ("diventare cittadino italiano", "B-CITTADINANZA"),
    ("tessera elettorale piena", "B-ELETTORALE"),
    ("come diventare scrutatore", "B-SCRUTATORI"),
    ("buttare un vecchio divano", "B-RIFIUTI-INGOMBRANTI"),
    ("giorni raccolta plastica", "B-RACCOLTA-DIFFERENZIATA"),
    ("passo carrabile davanti al garage", "B-PASSO-CARRABILE"),
    ("tavolini all'aperto del bar", "B-OCCUPAZIONE-SUOLO"),
    ("registrare il cane microchip", "B-CANE"),
    ("copia di documenti del comune accesso atti", "B-ACCESSO-ATTI"),
    ("accesso civico", "B-ACCESSO-CIVICO"),
    ("fare un reclamo", "B-URP-RECLAMO"),
    ("segnalare lampione spento", "B-BUCHE"),
    ("bandi di concorso comune", "B-CONCORSI"),
    ("ristrutturare il bagno che pratica serve", "B-EDILIZIA-CILA"),
    ("votare dall'estero per corrispondenza", "B-VOTO-ESTERO"),
    ("comprare un loculo al cimitero", "B-CIMITERO"),
    ("pagare il bollo della macchina", "B-BOLLO-AUTO"),
    ("idoneita alloggiativa per ricongiungimento", "B-IDONEITA-ALLOGGIO"),
    ("certifcato residenza", "B-CERT-RESIDENZA"),  # typo
    ("iscrizzione mensa scolastica", "B-MENSA"),  # typo
]

# ---------------------------------------------------------------------------------------------
# the other articles: realistic-sounding pills built from the same vocabulary

SERVICES = ["TARI", "IMU", "certificato anagrafico", "carta d'identità", "SPID", "avviso pagoPA",
            "verbale", "permesso ZTL", "ISEE", "mensa scolastica", "asilo nido", "scuolabus",
            "contributo affitto", "stato civile", "tessera elettorale", "rifiuti", "passo carrabile",
            "suolo pubblico", "anagrafe canina", "accesso agli atti", "reclamo", "segnalazione",
            "concorso", "pratica edilizia", "servizi cimiteriali", "residenza", "cittadinanza",
            "contrassegno", "trasporto", "biblioteca", "impianti sportivi", "centri estivi"]
ACTIONS = ["richiesta", "rinnovo", "rettifica", "annullamento", "rimborso", "rateizzazione",
           "sospensione", "duplicato", "delega", "verifica dello stato", "proroga", "voltura",
           "cessazione", "integrazione documenti", "variazione dati", "pagamento"]
WHO = ["cittadini residenti", "imprese", "stranieri", "minori", "anziani", "famiglie", "associazioni",
       "professionisti", "eredi", "tutori"]
CHANNELS = ["online con SPID", "allo sportello su appuntamento", "via PEC", "per raccomandata",
            "tramite app IO", "con delega", "al telefono con il contact center"]


def filler(i, rnd):
    service, action = rnd.choice(SERVICES), rnd.choice(ACTIONS)
    who, channel = rnd.choice(WHO), rnd.choice(CHANNELS)
    title = f"{action.capitalize()} {service}: indicazioni per {who} ({i})"
    summary = f"Come chiedere {action} per {service}, {channel}."
    body = (f"La {action} relativa a {service} è prevista per {who}. Si presenta {channel}, allegando "
            f"il documento d'identità. L'ufficio risponde entro {rnd.choice([10, 15, 30, 60])} giorni. "
            f"Pratica numero {i}.")
    return title, summary, body


# ---------------------------------------------------------------------------------------------
# a minimal .xlsx (inline strings), readable by Apache POI

def sheet_xml(rows):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, start=1):
        cells = "".join(f'<c t="inlineStr"><is><t>{escape(str(v))}</t></is></c>' for v in row)
        out.append(f'<row r="{r}">{cells}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


def workbook(sheets):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1))
        z.writestr("[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + overrides + '</Types>')
        z.writestr("_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        names = "".join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>' for i, (name, _) in enumerate(sheets, start=1))
        z.writestr("xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' + names + '</sheets></workbook>')
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1))
        z.writestr("xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels + '</Relationships>')
        for i, (_, rows) in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", sheet_xml(rows))
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------

def request(url, method="GET", body=None, headers=None, user=None):
    headers = dict(headers or {})
    if user:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:demo".encode()).decode()
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=600) as response:
        return json.loads(response.read() or b"null")


def upload(base, data):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.xlsx\"\r\n"
            "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").encode()
    body += data + f"\r\n--{boundary}--\r\n".encode()
    return request(base + "/api/kb/import", "POST", body,
                   {"Content-Type": f"multipart/form-data; boundary={boundary}"}, user="kbeditor")


def percentile(values, p):
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    f, c = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[f] + (ordered[c] - ordered[f]) * (k - f)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5, help="latency runs of the whole query set")
    parser.add_argument("--skip-load", action="store_true")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    rnd = random.Random(42)

    if not args.skip_load:
        topics = [("codice", "nome")] + [(f"BT-{i}", f"Argomento {i}") for i in range(20)]
        reasons = [("codice", "argomento", "nome")] + [(f"BR-{j}", f"BT-{j % 20}", f"Causale {j}") for j in range(200)]
        articles = [("codice", "causale", "lingua", "titolo", "sommario", "testo", "destinatari", "tag", "stato")]
        for key, (title, summary, body) in TARGETS.items():
            articles.append((key, "BR-0", "it", title, summary, body, "PUBBLICO", "", "PUBBLICATO"))
        for i in range(args.articles - len(TARGETS)):
            title, summary, body = filler(i, rnd)
            articles.append((f"B-F{i}", f"BR-{i % 200}", "it", title, summary, body,
                             "PUBBLICO" if i % 2 == 0 else "FRONT_OFFICE", "", "PUBBLICATO"))
        data = workbook([("Argomenti", topics), ("Causali", reasons), ("Articoli", articles)])
        started = time.monotonic()
        report = upload(base, data)
        print(f"import: {report['articles']} articles, {len(report['problems'])} problems, "
              f"{time.monotonic() - started:.1f} s")
        started = time.monotonic()
        while True:
            consistency = request(base + "/api/kb/index/consistency", user="admin")
            if consistency["queued"] == 0 and consistency["indexed"] >= consistency["expected"]:
                break
            if time.monotonic() - started > 1800:
                sys.exit(f"the index did not catch up: {consistency}")
            time.sleep(2)
        print(f"indexed: {consistency['indexed']} documents in {time.monotonic() - started:.1f} s")

    ids = {}
    for key in TARGETS:
        title = TARGETS[key][0]
        found = request(base + "/api/public/kb/search?" + urllib.parse.urlencode({"q": title, "size": 50}))
        match = [h["sourceId"] for h in found["hits"] if h["title"] == title]
        if not match:
            sys.exit(f"target article not found by its own title: {title}")
        ids[key] = match[0]

    reciprocal, hits_at_5, misses, latencies = [], 0, [], []
    for run in range(args.repeat):
        for query, expected in QUERIES:
            url = base + "/api/public/kb/search?" + urllib.parse.urlencode({"q": query, "size": 10})
            started = time.perf_counter()
            result = request(url)
            latencies.append((time.perf_counter() - started) * 1000)
            if run == 0:
                ranked = [h["sourceId"] for h in result["hits"]]
                rank = ranked.index(ids[expected]) + 1 if ids[expected] in ranked else None
                reciprocal.append(1 / rank if rank else 0.0)
                if rank and rank <= 5:
                    hits_at_5 += 1
                else:
                    misses.append((query, expected, rank))
    total = consistency_total = request(base + "/api/kb/index/consistency", user="admin")["indexed"]
    print(f"index: {total} documents; queries: {len(QUERIES)} x {args.repeat} runs")
    print(f"latency ms: p50 {percentile(latencies, 0.5):.1f}  p95 {percentile(latencies, 0.95):.1f}  "
          f"mean {statistics.mean(latencies):.1f}")
    print(f"recall@5: {hits_at_5 / len(QUERIES):.3f}   MRR@10: {statistics.mean(reciprocal):.3f}")
    for query, expected, rank in misses:
        print(f"  not in top 5: '{query}' -> {expected} (rank {rank})")


if __name__ == "__main__":
    main()
