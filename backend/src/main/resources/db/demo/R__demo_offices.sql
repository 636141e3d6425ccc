-- Demo offices of the administration (default profile only). Codes are the Camunda groups created by
-- DemoIdentities; office1 works in office-tributi.
insert into office (code, name, email) values
    ('office-tributi',  'Ufficio Tributi',                   'tributi@comune.example'),
    ('office-anagrafe', 'Ufficio Anagrafe',                  'anagrafe@comune.example'),
    ('office-urp',      'Ufficio Relazioni con il Pubblico', 'urp@comune.example')
on conflict (code) do update set name = excluded.name, email = excluded.email;
