-- The queues that the shipped classification decision (dmn/ticket/ticket-classification.dmn) routes to.
-- Administrations rename them or add their own together with the decision table.
insert into queue (code, name_it, name_en, back_office_group) values
    ('general',   'Informazioni generali', 'General information', 'level2'),
    ('payments',  'Pagamenti',             'Payments',            'level2'),
    ('privacy',   'Privacy',               'Privacy',             'level2'),
    ('technical', 'Assistenza tecnica',    'Technical support',   'level2');
