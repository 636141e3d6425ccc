-- Demo offices of the administration (default profile only). Codes are the Camunda groups created by
-- DemoIdentities; office1 works in office-tributi. Names in Italian, English, German and French.
insert into office (code, name, email, name_en, name_de, name_fr) values
    ('office-tributi',  'Ufficio Tributi',                   'tributi@comune.example',
     'Tax Office', 'Steueramt', 'Service des impôts'),
    ('office-anagrafe', 'Ufficio Anagrafe',                  'anagrafe@comune.example',
     'Registry Office', 'Meldeamt', 'Service de l''état civil'),
    ('office-urp',      'Ufficio Relazioni con il Pubblico', 'urp@comune.example',
     'Public Relations Office', 'Bürgerservice', 'Bureau des relations avec le public')
on conflict (code) do update set name = excluded.name, email = excluded.email,
    name_en = excluded.name_en, name_de = excluded.name_de, name_fr = excluded.name_fr;
