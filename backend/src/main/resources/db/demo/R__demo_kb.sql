-- Demo knowledge base (default profile only): a small classification tree and published articles
-- of a municipality, in Italian (some also in English). Idempotent: rows are keyed by code.

insert into kb_category (parent_id, code, name, depth, position) values (null, 'tributi', 'Tributi locali', 1, 3) on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) select id, 'tari', 'TARI - tassa sui rifiuti', 2, 4 from kb_category where code = 'tributi' on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) select id, 'imu', 'IMU - imposta municipale', 2, 5 from kb_category where code = 'tributi' on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) values (null, 'anagrafe', 'Servizi anagrafici', 1, 6) on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) select id, 'certificati', 'Certificati anagrafici', 2, 7 from kb_category where code = 'anagrafe' on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) select id, 'residenza', 'Cambio di residenza', 2, 8 from kb_category where code = 'anagrafe' on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) select id, 'cie', 'Carta d''identità elettronica', 2, 9 from kb_category where code = 'anagrafe' on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) values (null, 'servizi-online', 'Servizi online', 1, 10) on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) select id, 'spid', 'SPID e accesso ai servizi', 2, 11 from kb_category where code = 'servizi-online' on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) select id, 'pagopa', 'Pagamenti pagoPA', 2, 12 from kb_category where code = 'servizi-online' on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) values (null, 'mobilita', 'Mobilità e polizia locale', 1, 13) on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) select id, 'multe', 'Sanzioni al codice della strada', 2, 14 from kb_category where code = 'mobilita' on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) select id, 'ztl', 'Permessi ZTL', 2, 15 from kb_category where code = 'mobilita' on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) values (null, 'sociale', 'Servizi sociali', 1, 16) on conflict (code) do nothing;
insert into kb_category (parent_id, code, name, depth, position) select id, 'isee', 'ISEE e agevolazioni', 2, 17 from kb_category where code = 'sociale' on conflict (code) do nothing;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'PUBLIC', 'tari,rifiuti,pagamento,f24', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-tari-pagamento'
  from kb_category c where c.code = 'tari'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Come pagare la TARI' as title, 'La tassa sui rifiuti si paga in due rate con l''avviso pagoPA o con il modello F24 inviato dal Comune.' as summary, 'La **TARI** (tassa sui rifiuti) si paga in due rate, con scadenza il 16 maggio e il 16 novembre.

Il Comune invia a casa l''avviso di pagamento con i codici pagoPA e il modello F24 precompilato. Si può pagare:
- online con pagoPA (app IO, home banking, sito del Comune);
- presso tabaccherie, ricevitorie e uffici postali aderenti a pagoPA;
- con il modello F24 in banca o alla posta.

Se l''avviso non è arrivato, si può scaricare dall''area riservata del portale con SPID o CIE.' as body union all select 'en' as language, 'How to pay the TARI waste tax' as title, 'The waste tax is paid in two instalments with the pagoPA notice or the F24 form sent by the municipality.' as summary, 'The **TARI** waste tax is paid in two instalments (16 May and 16 November) with the pagoPA notice or the pre-filled F24 form. You can pay online, at tobacconists and post offices, or at your bank.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: tari
Destinatari: PUBLIC
Tag: tari, rifiuti, pagamento, f24
Revisione entro: 2027-06-30

[it] Titolo: Come pagare la TARI
[it] Sommario: La tassa sui rifiuti si paga in due rate con l''avviso pagoPA o con il modello F24 inviato dal Comune.
[it] Testo:
La **TARI** (tassa sui rifiuti) si paga in due rate, con scadenza il 16 maggio e il 16 novembre.

Il Comune invia a casa l''avviso di pagamento con i codici pagoPA e il modello F24 precompilato. Si può pagare:
- online con pagoPA (app IO, home banking, sito del Comune);
- presso tabaccherie, ricevitorie e uffici postali aderenti a pagoPA;
- con il modello F24 in banca o alla posta.

Se l''avviso non è arrivato, si può scaricare dall''area riservata del portale con SPID o CIE.

[en] Titolo: How to pay the TARI waste tax
[en] Sommario: The waste tax is paid in two instalments with the pagoPA notice or the F24 form sent by the municipality.
[en] Testo:
The **TARI** waste tax is paid in two instalments (16 May and 16 November) with the pagoPA notice or the pre-filled F24 form. You can pay online, at tobacconists and post offices, or at your bank.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'PUBLIC', 'tari,riduzioni,agevolazioni,compostaggio', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-tari-riduzioni'
  from kb_category c where c.code = 'tari'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Riduzioni e agevolazioni TARI' as title, 'Chi fa il compostaggio domestico, vive da solo o ha un ISEE basso può chiedere una riduzione della tassa sui rifiuti.' as summary, 'Sono previste riduzioni della TARI per:
- compostaggio domestico (riduzione del 20% sulla parte variabile);
- unico occupante dell''abitazione (riduzione del 30%);
- abitazioni tenute a disposizione o usate per meno di sei mesi l''anno;
- nuclei con ISEE inferiore a 9.530 euro (agevolazione sociale).

La domanda si presenta all''Ufficio Tributi entro il 31 gennaio, online o allo sportello, allegando la documentazione.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: tari
Destinatari: PUBLIC
Tag: tari, riduzioni, agevolazioni, compostaggio
Revisione entro: 2027-06-30

[it] Titolo: Riduzioni e agevolazioni TARI
[it] Sommario: Chi fa il compostaggio domestico, vive da solo o ha un ISEE basso può chiedere una riduzione della tassa sui rifiuti.
[it] Testo:
Sono previste riduzioni della TARI per:
- compostaggio domestico (riduzione del 20% sulla parte variabile);
- unico occupante dell''abitazione (riduzione del 30%);
- abitazioni tenute a disposizione o usate per meno di sei mesi l''anno;
- nuclei con ISEE inferiore a 9.530 euro (agevolazione sociale).

La domanda si presenta all''Ufficio Tributi entro il 31 gennaio, online o allo sportello, allegando la documentazione.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'FRONT_OFFICE', 'tari,rimborso,pagamento doppio', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-tari-rimborso'
  from kb_category c where c.code = 'tari'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Rimborso TARI pagata due volte: istruzioni per l''operatore' as title, 'Verificare i versamenti nel gestionale tributi prima di aprire la richiesta di rimborso all''Ufficio Tributi.' as summary, 'Quando un cittadino dichiara di aver pagato due volte la stessa rata:
1. cercare il contribuente nel gestionale tributi per codice fiscale;
2. verificare i versamenti registrati (pagoPA e F24);
3. se il doppio versamento risulta, aprire la richiesta coinvolgendo l''ufficio office-tributi con la ricevuta allegata;
4. comunicare che il rimborso o la compensazione sulla rata successiva avviene entro 90 giorni.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: tari
Destinatari: FRONT_OFFICE
Tag: tari, rimborso, pagamento doppio
Revisione entro: 2027-06-30

[it] Titolo: Rimborso TARI pagata due volte: istruzioni per l''operatore
[it] Sommario: Verificare i versamenti nel gestionale tributi prima di aprire la richiesta di rimborso all''Ufficio Tributi.
[it] Testo:
Quando un cittadino dichiara di aver pagato due volte la stessa rata:
1. cercare il contribuente nel gestionale tributi per codice fiscale;
2. verificare i versamenti registrati (pagoPA e F24);
3. se il doppio versamento risulta, aprire la richiesta coinvolgendo l''ufficio office-tributi con la ricevuta allegata;
4. comunicare che il rimborso o la compensazione sulla rata successiva avviene entro 90 giorni.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'PUBLIC', 'imu,acconto,saldo,seconda casa', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-imu-acconto'
  from kb_category c where c.code = 'imu'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'IMU: scadenze di acconto e saldo' as title, 'L''IMU si paga in acconto entro il 16 giugno e a saldo entro il 16 dicembre; l''abitazione principale è esente.' as summary, 'L''imposta municipale propria (**IMU**) è dovuta dai proprietari di immobili diversi dall''abitazione principale (seconde case, negozi, terreni, aree edificabili).

Scadenze: acconto entro il 16 giugno, saldo entro il 16 dicembre. Si paga con il modello F24 usando i codici tributo del Comune. Le aliquote sono pubblicate sul sito del Comune.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: imu
Destinatari: PUBLIC
Tag: imu, acconto, saldo, seconda casa
Revisione entro: 2027-06-30

[it] Titolo: IMU: scadenze di acconto e saldo
[it] Sommario: L''IMU si paga in acconto entro il 16 giugno e a saldo entro il 16 dicembre; l''abitazione principale è esente.
[it] Testo:
L''imposta municipale propria (**IMU**) è dovuta dai proprietari di immobili diversi dall''abitazione principale (seconde case, negozi, terreni, aree edificabili).

Scadenze: acconto entro il 16 giugno, saldo entro il 16 dicembre. Si paga con il modello F24 usando i codici tributo del Comune. Le aliquote sono pubblicate sul sito del Comune.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'PUBLIC', 'certificati,residenza,anagrafe,anpr', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-certificato-residenza'
  from kb_category c where c.code = 'certificati'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Richiesta del certificato di residenza' as title, 'Il certificato di residenza si ottiene gratis online dall''ANPR con SPID o CIE, oppure allo sportello anagrafe.' as summary, 'Il **certificato di residenza** attesta il Comune e l''indirizzo in cui una persona risiede.

Si può scaricare gratuitamente e subito dal portale dell''Anagrafe nazionale (ANPR) accedendo con SPID, CIE o CNS, per sé o per un componente della propria famiglia. In alternativa si richiede allo sportello anagrafe su appuntamento.

Il certificato in bollo richiede una marca da bollo da 16 euro, salvo i casi di esenzione.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: certificati
Destinatari: PUBLIC
Tag: certificati, residenza, anagrafe, anpr
Revisione entro: 2027-06-30

[it] Titolo: Richiesta del certificato di residenza
[it] Sommario: Il certificato di residenza si ottiene gratis online dall''ANPR con SPID o CIE, oppure allo sportello anagrafe.
[it] Testo:
Il **certificato di residenza** attesta il Comune e l''indirizzo in cui una persona risiede.

Si può scaricare gratuitamente e subito dal portale dell''Anagrafe nazionale (ANPR) accedendo con SPID, CIE o CNS, per sé o per un componente della propria famiglia. In alternativa si richiede allo sportello anagrafe su appuntamento.

Il certificato in bollo richiede una marca da bollo da 16 euro, salvo i casi di esenzione.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'PUBLIC', 'certificati,stato di famiglia,anagrafe', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-certificato-stato-famiglia'
  from kb_category c where c.code = 'certificati'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Certificato di stato di famiglia' as title, 'Elenca le persone che compongono la famiglia anagrafica; si scarica online dall''ANPR o si chiede allo sportello.' as summary, 'Il certificato di **stato di famiglia** elenca i componenti della famiglia anagrafica residenti allo stesso indirizzo.

Online: portale ANPR con SPID o CIE, gratuito. Allo sportello: su appuntamento, con documento d''identità. Per molti usi verso la pubblica amministrazione basta l''autocertificazione.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: certificati
Destinatari: PUBLIC
Tag: certificati, stato di famiglia, anagrafe
Revisione entro: 2027-06-30

[it] Titolo: Certificato di stato di famiglia
[it] Sommario: Elenca le persone che compongono la famiglia anagrafica; si scarica online dall''ANPR o si chiede allo sportello.
[it] Testo:
Il certificato di **stato di famiglia** elenca i componenti della famiglia anagrafica residenti allo stesso indirizzo.

Online: portale ANPR con SPID o CIE, gratuito. Allo sportello: su appuntamento, con documento d''identità. Per molti usi verso la pubblica amministrazione basta l''autocertificazione.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'PUBLIC', 'residenza,trasloco,cambio indirizzo,anagrafe', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-cambio-residenza'
  from kb_category c where c.code = 'residenza'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Cambio di residenza o di indirizzo' as title, 'La dichiarazione di residenza si presenta entro 20 giorni dal trasloco, online su ANPR o all''ufficio anagrafe.' as summary, 'Chi trasferisce la propria dimora abituale in un altro Comune o cambia indirizzo nello stesso Comune deve presentare la **dichiarazione di residenza** entro 20 giorni.

La dichiarazione si presenta online dal portale ANPR con SPID o CIE, oppure per e-mail, PEC o allo sportello, allegando i documenti d''identità di tutte le persone che si trasferiscono. Entro 45 giorni la polizia locale verifica la dimora; senza esito negativo la residenza si considera confermata.' as body union all select 'en' as language, 'Change of residence or address' as title, 'Declare your new residence within 20 days of moving, online on ANPR or at the registry office.' as summary, 'Anyone who moves their habitual home must file a residence declaration within 20 days, online on the ANPR portal with SPID or CIE, by e-mail or PEC, or at the registry office.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: residenza
Destinatari: PUBLIC
Tag: residenza, trasloco, cambio indirizzo, anagrafe
Revisione entro: 2027-06-30

[it] Titolo: Cambio di residenza o di indirizzo
[it] Sommario: La dichiarazione di residenza si presenta entro 20 giorni dal trasloco, online su ANPR o all''ufficio anagrafe.
[it] Testo:
Chi trasferisce la propria dimora abituale in un altro Comune o cambia indirizzo nello stesso Comune deve presentare la **dichiarazione di residenza** entro 20 giorni.

La dichiarazione si presenta online dal portale ANPR con SPID o CIE, oppure per e-mail, PEC o allo sportello, allegando i documenti d''identità di tutte le persone che si trasferiscono. Entro 45 giorni la polizia locale verifica la dimora; senza esito negativo la residenza si considera confermata.

[en] Titolo: Change of residence or address
[en] Sommario: Declare your new residence within 20 days of moving, online on ANPR or at the registry office.
[en] Testo:
Anyone who moves their habitual home must file a residence declaration within 20 days, online on the ANPR portal with SPID or CIE, by e-mail or PEC, or at the registry office.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'BACK_OFFICE', 'residenza,accertamento,polizia locale', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-residenza-verifica'
  from kb_category c where c.code = 'residenza'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Esito negativo dell''accertamento di residenza: cosa fare' as title, 'Procedura interna per il secondo livello quando la polizia locale non trova il dichiarante all''indirizzo.' as summary, 'Se l''accertamento della polizia locale ha esito negativo, l''ufficio anagrafe invia il preavviso di rigetto (art. 10-bis L. 241/1990). Il cittadino ha 10 giorni per presentare osservazioni. Il secondo livello coinvolge office-anagrafe indicando numero di pratica e data dell''accertamento; non comunicare al telefono dati di altri componenti del nucleo.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: residenza
Destinatari: BACK_OFFICE
Tag: residenza, accertamento, polizia locale
Revisione entro: 2027-06-30

[it] Titolo: Esito negativo dell''accertamento di residenza: cosa fare
[it] Sommario: Procedura interna per il secondo livello quando la polizia locale non trova il dichiarante all''indirizzo.
[it] Testo:
Se l''accertamento della polizia locale ha esito negativo, l''ufficio anagrafe invia il preavviso di rigetto (art. 10-bis L. 241/1990). Il cittadino ha 10 giorni per presentare osservazioni. Il secondo livello coinvolge office-anagrafe indicando numero di pratica e data dell''accertamento; non comunicare al telefono dati di altri componenti del nucleo.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'PUBLIC', 'cie,carta identita,documento', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-cie'
  from kb_category c where c.code = 'cie'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Richiedere la carta d''identità elettronica (CIE)' as title, 'La CIE si richiede su appuntamento all''anagrafe con foto, vecchio documento e tessera sanitaria; costa 22,21 euro.' as summary, 'La **carta d''identità elettronica** si richiede all''ufficio anagrafe su appuntamento (prenotazione sull''Agenda CIE del Ministero dell''interno).

Portare: una fototessera recente, il documento scaduto o la denuncia di smarrimento, la tessera sanitaria. Costo: 22,21 euro. La carta arriva per posta entro 6 giorni lavorativi. Vale anche come strumento di accesso ai servizi online (livello di sicurezza alto).' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: cie
Destinatari: PUBLIC
Tag: cie, carta identita, documento
Revisione entro: 2027-06-30

[it] Titolo: Richiedere la carta d''identità elettronica (CIE)
[it] Sommario: La CIE si richiede su appuntamento all''anagrafe con foto, vecchio documento e tessera sanitaria; costa 22,21 euro.
[it] Testo:
La **carta d''identità elettronica** si richiede all''ufficio anagrafe su appuntamento (prenotazione sull''Agenda CIE del Ministero dell''interno).

Portare: una fototessera recente, il documento scaduto o la denuncia di smarrimento, la tessera sanitaria. Costo: 22,21 euro. La carta arriva per posta entro 6 giorni lavorativi. Vale anche come strumento di accesso ai servizi online (livello di sicurezza alto).
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'PUBLIC', 'spid,identita digitale,accesso', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-spid'
  from kb_category c where c.code = 'spid'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Ottenere SPID, l''identità digitale' as title, 'SPID si chiede a uno dei gestori accreditati (online, con CIE o di persona) e dà accesso a tutti i servizi online della PA.' as summary, '**SPID** è il sistema pubblico di identità digitale: con un solo nome utente e password si accede ai servizi online del Comune e delle altre amministrazioni.

Per ottenerlo serve un maggiorenne con documento valido, tessera sanitaria, e-mail e cellulare. Si sceglie uno dei gestori accreditati e ci si riconosce online (con CIE, firma digitale o video) o di persona. Molti gestori offrono il livello 2 gratuitamente.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: spid
Destinatari: PUBLIC
Tag: spid, identita digitale, accesso
Revisione entro: 2027-06-30

[it] Titolo: Ottenere SPID, l''identità digitale
[it] Sommario: SPID si chiede a uno dei gestori accreditati (online, con CIE o di persona) e dà accesso a tutti i servizi online della PA.
[it] Testo:
**SPID** è il sistema pubblico di identità digitale: con un solo nome utente e password si accede ai servizi online del Comune e delle altre amministrazioni.

Per ottenerlo serve un maggiorenne con documento valido, tessera sanitaria, e-mail e cellulare. Si sceglie uno dei gestori accreditati e ci si riconosce online (con CIE, firma digitale o video) o di persona. Molti gestori offrono il livello 2 gratuitamente.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'PUBLIC', 'pagopa,avviso pagamento,iuv,pagamento', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-pagopa'
  from kb_category c where c.code = 'pagopa'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Pagare un avviso pagoPA' as title, 'Un avviso pagoPA si paga online, in app IO, in banca, alla posta o in tabaccheria usando il codice avviso.' as summary, 'Ogni **avviso pagoPA** riporta il codice avviso (IUV) e il codice fiscale dell''ente. Si può pagare:
- sul sito del Comune o nell''app IO;
- con home banking (circuito CBILL);
- presso sportelli bancari, uffici postali, tabaccherie e supermercati aderenti.

La ricevuta di pagamento vale come quietanza. Se il pagamento risulta non registrato, attendere 2 giorni lavorativi prima di segnalarlo.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: pagopa
Destinatari: PUBLIC
Tag: pagopa, avviso pagamento, iuv, pagamento
Revisione entro: 2027-06-30

[it] Titolo: Pagare un avviso pagoPA
[it] Sommario: Un avviso pagoPA si paga online, in app IO, in banca, alla posta o in tabaccheria usando il codice avviso.
[it] Testo:
Ogni **avviso pagoPA** riporta il codice avviso (IUV) e il codice fiscale dell''ente. Si può pagare:
- sul sito del Comune o nell''app IO;
- con home banking (circuito CBILL);
- presso sportelli bancari, uffici postali, tabaccherie e supermercati aderenti.

La ricevuta di pagamento vale come quietanza. Se il pagamento risulta non registrato, attendere 2 giorni lavorativi prima di segnalarlo.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'FRONT_OFFICE', 'pagopa,errore,pagamento non registrato', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-pagopa-errore'
  from kb_category c where c.code = 'pagopa'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Pagamento pagoPA non registrato: verifiche del primo livello' as title, 'Controlli da fare prima di scalare una segnalazione di pagamento pagoPA non risultante.' as summary, 'Chiedere al cittadino il codice avviso (IUV) e la ricevuta. Verificare nel cruscotto pagoPA lo stato della posizione debitoria. Se la posizione risulta pagata, comunicarlo e chiudere; se la ricevuta è valida ma la posizione è aperta da più di 2 giorni lavorativi, scalare al secondo livello (coda payments) allegando la ricevuta.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: pagopa
Destinatari: FRONT_OFFICE
Tag: pagopa, errore, pagamento non registrato
Revisione entro: 2027-06-30

[it] Titolo: Pagamento pagoPA non registrato: verifiche del primo livello
[it] Sommario: Controlli da fare prima di scalare una segnalazione di pagamento pagoPA non risultante.
[it] Testo:
Chiedere al cittadino il codice avviso (IUV) e la ricevuta. Verificare nel cruscotto pagoPA lo stato della posizione debitoria. Se la posizione risulta pagata, comunicarlo e chiudere; se la ricevuta è valida ma la posizione è aperta da più di 2 giorni lavorativi, scalare al secondo livello (coda payments) allegando la ricevuta.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'PUBLIC', 'multa,sanzione,verbale,ricorso', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-multa'
  from kb_category c where c.code = 'multe'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Pagare o contestare una multa' as title, 'Il verbale si paga con lo sconto del 30% entro 5 giorni; il ricorso si presenta al Prefetto entro 60 giorni o al Giudice di pace entro 30.' as summary, 'Il verbale di contravvenzione si paga con pagoPA. Pagando entro **5 giorni** dalla notifica la sanzione è ridotta del 30%; entro 60 giorni si paga l''importo minimo.

Per contestare il verbale: ricorso al Prefetto entro 60 giorni oppure al Giudice di pace entro 30 giorni dalla notifica. Chi non era alla guida deve comunicare i dati del conducente entro 60 giorni.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: multe
Destinatari: PUBLIC
Tag: multa, sanzione, verbale, ricorso
Revisione entro: 2027-06-30

[it] Titolo: Pagare o contestare una multa
[it] Sommario: Il verbale si paga con lo sconto del 30% entro 5 giorni; il ricorso si presenta al Prefetto entro 60 giorni o al Giudice di pace entro 30.
[it] Testo:
Il verbale di contravvenzione si paga con pagoPA. Pagando entro **5 giorni** dalla notifica la sanzione è ridotta del 30%; entro 60 giorni si paga l''importo minimo.

Per contestare il verbale: ricorso al Prefetto entro 60 giorni oppure al Giudice di pace entro 30 giorni dalla notifica. Chi non era alla guida deve comunicare i dati del conducente entro 60 giorni.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'PUBLIC', 'ztl,permesso,traffico limitato', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-ztl'
  from kb_category c where c.code = 'ztl'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Permesso di accesso alla ZTL' as title, 'Residenti, disabili e attività nella zona a traffico limitato chiedono il permesso online allegando il libretto del veicolo.' as summary, 'Il permesso per la **ZTL** è rilasciato a residenti, titolari di contrassegno disabili, attività commerciali e artigiani con sede nella zona. La domanda si presenta online con SPID allegando la carta di circolazione; il permesso vale 2 anni e si rinnova online.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: ztl
Destinatari: PUBLIC
Tag: ztl, permesso, traffico limitato
Revisione entro: 2027-06-30

[it] Titolo: Permesso di accesso alla ZTL
[it] Sommario: Residenti, disabili e attività nella zona a traffico limitato chiedono il permesso online allegando il libretto del veicolo.
[it] Testo:
Il permesso per la **ZTL** è rilasciato a residenti, titolari di contrassegno disabili, attività commerciali e artigiani con sede nella zona. La domanda si presenta online con SPID allegando la carta di circolazione; il permesso vale 2 anni e si rinnova online.
' from variants;

with article as (
  insert into kb_article (category_id, status, audience, tags, review_at, version, created_by, created_at, updated_by, updated_at, published_at, external_key)
  select c.id, 'PUBLISHED', 'PUBLIC', 'isee,dsu,agevolazioni', date '2027-06-30', 1, 'kbeditor', now(), 'kbeditor', now(), now(), 'demo-isee'
  from kb_category c where c.code = 'isee'
  on conflict (external_key) do nothing
  returning id
), variants as (
  insert into kb_article_variant (article_id, language, title, summary, body)
  select article.id, v.language, v.title, v.summary, v.body from article, (select 'it' as language, 'Come ottenere l''ISEE' as title, 'L''ISEE si ottiene presentando la DSU all''INPS online o tramite un CAF; serve per le agevolazioni comunali.' as summary, 'L''**ISEE** (indicatore della situazione economica equivalente) serve per le agevolazioni su TARI, mense scolastiche, nidi e contributi. Si ottiene presentando la Dichiarazione sostitutiva unica (DSU) all''INPS, online con SPID o tramite un CAF gratuitamente. L''ISEE ordinario scade il 31 dicembre.' as body) v
  returning article_id
)
insert into kb_article_version (article_id, version, author, created_at, change_note, content)
select distinct article_id, 1, 'kbeditor', now(), 'Articolo dimostrativo', 'Classificazione: isee
Destinatari: PUBLIC
Tag: isee, dsu, agevolazioni
Revisione entro: 2027-06-30

[it] Titolo: Come ottenere l''ISEE
[it] Sommario: L''ISEE si ottiene presentando la DSU all''INPS online o tramite un CAF; serve per le agevolazioni comunali.
[it] Testo:
L''**ISEE** (indicatore della situazione economica equivalente) serve per le agevolazioni su TARI, mense scolastiche, nidi e contributi. Si ottiene presentando la Dichiarazione sostitutiva unica (DSU) all''INPS, online con SPID o tramite un CAF gratuitamente. L''ISEE ordinario scade il 31 dicembre.
' from variants;

-- the demo KB reviewer follows the tributes topic
insert into kb_subscription (user_id, category_id) select 'kbreviewer', id from kb_category where code = 'tributi' on conflict do nothing;

-- German and French variants of a few public articles, so that the citizens' knowledge-base page
-- has answers in those languages too. Added to the articles above (present or not when this runs
-- again): one row per article and language, kept if an editor changed it since.
insert into kb_article_variant (article_id, language, title, summary, body)
select a.id, v.language, v.title, v.summary, v.body
from kb_article a join (values
  ('demo-tari-pagamento', 'de', 'Wie zahlt man die TARI (Abfallgebühr)',
   'Die Abfallgebühr wird in zwei Raten mit der pagoPA-Zahlungsaufforderung oder dem F24-Vordruck der Gemeinde gezahlt.',
   'Die **TARI** (Abfallgebühr) wird in zwei Raten gezahlt, fällig am 16. Mai und am 16. November.

Die Gemeinde schickt die Zahlungsaufforderung mit den pagoPA-Codes und dem vorausgefüllten F24-Vordruck nach Hause. Zahlen kann man:
- online mit pagoPA (App IO, Homebanking, Website der Gemeinde);
- in Tabakläden, Annahmestellen und Postämtern, die pagoPA anbieten;
- mit dem F24-Vordruck bei der Bank oder der Post.

Ist die Zahlungsaufforderung nicht angekommen, kann man sie im geschützten Bereich des Portals mit SPID oder CIE herunterladen.'),
  ('demo-tari-pagamento', 'fr', 'Comment payer la TARI (taxe sur les déchets)',
   'La taxe sur les déchets se paie en deux versements avec l’avis pagoPA ou le formulaire F24 envoyés par la Commune.',
   'La **TARI** (taxe sur les déchets) se paie en deux versements, à échéance le 16 mai et le 16 novembre.

La Commune envoie à domicile l’avis de paiement avec les codes pagoPA et le formulaire F24 prérempli. Le paiement peut s’effectuer :
- en ligne avec pagoPA (application IO, banque en ligne, site de la Commune) ;
- dans les bureaux de tabac, points de vente et bureaux de poste qui acceptent pagoPA ;
- avec le formulaire F24 à la banque ou à la poste.

Si l’avis n’est pas arrivé, vous pouvez le télécharger dans l’espace réservé du portail avec SPID ou la CIE.'),
  ('demo-certificato-residenza', 'de', 'Meldebescheinigung (Wohnsitzbescheinigung) anfordern',
   'Die Meldebescheinigung erhält man kostenlos online beim ANPR mit SPID oder CIE oder am Schalter des Meldeamts.',
   'Die **Meldebescheinigung** bestätigt die Gemeinde und die Adresse, an der eine Person ihren Wohnsitz hat.

Man kann sie kostenlos und sofort vom Portal des nationalen Melderegisters (ANPR) herunterladen, mit SPID, CIE oder CNS, für sich selbst oder für ein Familienmitglied. Alternativ erhält man sie am Schalter des Meldeamts nach Terminvereinbarung.

Für die Bescheinigung mit Stempelmarke ist eine Stempelmarke zu 16 Euro nötig, außer in den Fällen der Befreiung.'),
  ('demo-certificato-residenza', 'fr', 'Demander l’attestation de résidence',
   'L’attestation de résidence s’obtient gratuitement en ligne auprès de l’ANPR avec SPID ou la CIE, ou au guichet de l’état civil.',
   'L’**attestation de résidence** certifie la Commune et l’adresse où une personne réside.

Elle peut être téléchargée gratuitement et immédiatement sur le portail du Registre national de la population (ANPR) avec SPID, la CIE ou la CNS, pour soi-même ou pour un membre de sa famille. Elle peut aussi être demandée au guichet de l’état civil sur rendez-vous.

L’attestation sur papier timbré nécessite un timbre fiscal de 16 euros, sauf cas d’exonération.'),
  ('demo-pagopa', 'de', 'Eine pagoPA-Zahlungsaufforderung bezahlen',
   'Eine pagoPA-Zahlungsaufforderung zahlt man online, in der App IO, bei der Bank, der Post oder im Tabakladen mit dem Zahlungscode.',
   'Jede **pagoPA-Zahlungsaufforderung** enthält den Zahlungscode (IUV) und die Steuernummer der Körperschaft. Zahlen kann man:
- auf der Website der Gemeinde oder in der App IO;
- im Homebanking (CBILL-Verfahren);
- an Bankschaltern, in Postämtern, Tabakläden und Supermärkten, die pagoPA anbieten.

Die Zahlungsbestätigung gilt als Quittung. Erscheint die Zahlung nicht als verbucht, warten Sie 2 Werktage, bevor Sie sie melden.'),
  ('demo-pagopa', 'fr', 'Payer un avis pagoPA',
   'Un avis pagoPA se paie en ligne, dans l’application IO, à la banque, à la poste ou au bureau de tabac avec le code de l’avis.',
   'Chaque **avis pagoPA** indique le code de l’avis (IUV) et le code fiscal de l’organisme. Le paiement peut s’effectuer :
- sur le site de la Commune ou dans l’application IO ;
- par la banque en ligne (circuit CBILL) ;
- aux guichets des banques, dans les bureaux de poste, les bureaux de tabac et les supermarchés qui acceptent pagoPA.

Le reçu de paiement vaut quittance. Si le paiement n’apparaît pas comme enregistré, attendez 2 jours ouvrables avant de le signaler.'),
  ('demo-spid', 'de', 'SPID, die digitale Identität, erhalten',
   'SPID beantragt man bei einem der akkreditierten Anbieter (online, mit CIE oder persönlich); damit erreicht man alle Online-Dienste der öffentlichen Verwaltung.',
   '**SPID** ist das öffentliche System der digitalen Identität: Mit einem einzigen Benutzernamen und Passwort erreicht man die Online-Dienste der Gemeinde und der anderen Verwaltungen.

Nötig sind Volljährigkeit, ein gültiger Ausweis, die Gesundheitskarte, eine E-Mail-Adresse und ein Mobiltelefon. Man wählt einen der akkreditierten Anbieter und weist sich online (mit CIE, digitaler Signatur oder per Video) oder persönlich aus. Viele Anbieter bieten die Stufe 2 kostenlos an.'),
  ('demo-spid', 'fr', 'Obtenir SPID, l’identité numérique',
   'SPID se demande auprès de l’un des fournisseurs agréés (en ligne, avec la CIE ou en personne) et donne accès à tous les services en ligne de l’administration publique.',
   '**SPID** est le système public d’identité numérique : avec un seul identifiant et un seul mot de passe, on accède aux services en ligne de la Commune et des autres administrations.

Il faut être majeur et disposer d’une pièce d’identité valide, de la carte sanitaire, d’une adresse électronique et d’un téléphone portable. On choisit l’un des fournisseurs agréés et on se fait identifier en ligne (avec la CIE, une signature numérique ou par vidéo) ou en personne. De nombreux fournisseurs offrent gratuitement le niveau 2.')
) as v(external_key, language, title, summary, body) on a.external_key = v.external_key
on conflict (article_id, language) do nothing;

-- the tree's names in English, German and French (the citizens' and operators' other languages)
update kb_category set names = '{"en": "Local taxes", "de": "Gemeindesteuern", "fr": "Impôts locaux"}'::jsonb where code = 'tributi';
update kb_category set names = '{"en": "TARI - waste tax", "de": "TARI - Müllgebühr", "fr": "TARI - taxe sur les déchets"}'::jsonb where code = 'tari';
update kb_category set names = '{"en": "IMU - municipal property tax", "de": "IMU - Gemeindeimmobiliensteuer", "fr": "IMU - taxe foncière communale"}'::jsonb where code = 'imu';
update kb_category set names = '{"en": "Registry office services", "de": "Meldeamt", "fr": "Services démographiques"}'::jsonb where code = 'anagrafe';
update kb_category set names = '{"en": "Registry certificates", "de": "Meldebescheinigungen", "fr": "Certificats démographiques"}'::jsonb where code = 'certificati';
update kb_category set names = '{"en": "Change of residence", "de": "Wohnsitzwechsel", "fr": "Changement de résidence"}'::jsonb where code = 'residenza';
update kb_category set names = '{"en": "Online services", "de": "Online-Dienste", "fr": "Services en ligne"}'::jsonb where code = 'servizi-online';
update kb_category set names = '{"en": "SPID and access to services", "de": "SPID und Zugang zu den Diensten", "fr": "SPID et accès aux services"}'::jsonb where code = 'spid';
update kb_category set names = '{"en": "pagoPA payments", "de": "pagoPA-Zahlungen", "fr": "Paiements pagoPA"}'::jsonb where code = 'pagopa';
update kb_category set names = '{"en": "Mobility and local police", "de": "Mobilität und Ortspolizei", "fr": "Mobilité et police locale"}'::jsonb where code = 'mobilita';
update kb_category set names = '{"en": "Traffic fines", "de": "Strafen nach der Straßenverkehrsordnung", "fr": "Amendes au code de la route"}'::jsonb where code = 'multe';
update kb_category set names = '{"en": "Limited traffic zone permits", "de": "Genehmigungen für verkehrsbeschränkte Zonen", "fr": "Autorisations ZTL (zone à trafic limité)"}'::jsonb where code = 'ztl';
update kb_category set names = '{"en": "Social services", "de": "Sozialdienste", "fr": "Services sociaux"}'::jsonb where code = 'sociale';
update kb_category set names = '{"en": "ISEE and benefits", "de": "ISEE und Vergünstigungen", "fr": "ISEE et aides"}'::jsonb where code = 'isee';
