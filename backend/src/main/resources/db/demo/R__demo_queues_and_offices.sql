-- Demo reference data (default profile only). Codes are the Camunda groups created by DemoIdentities.
insert into queue (code, name_it, name_en, back_office_group) values
    ('general',   'Informazioni generali', 'General information', 'level2'),
    ('payments',  'Pagamenti',             'Payments',            'level2'),
    ('privacy',   'Privacy',               'Privacy',             'level2'),
    ('technical', 'Assistenza tecnica',    'Technical support',   'level2')
on conflict (code) do update set name_it = excluded.name_it, name_en = excluded.name_en,
                                 back_office_group = excluded.back_office_group;

insert into office (code, name, email) values
    ('office-tributi',  'Ufficio Tributi',                   'tributi@comune.example'),
    ('office-anagrafe', 'Ufficio Anagrafe',                  'anagrafe@comune.example'),
    ('office-urp',      'Ufficio Relazioni con il Pubblico', 'urp@comune.example')
on conflict (code) do update set name = excluded.name, email = excluded.email;
