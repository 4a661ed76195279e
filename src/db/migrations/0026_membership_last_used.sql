-- Where a person last worked: a sign-in lands in the organisation they last used (not the one
-- with the lowest id, which anyone who adds them to a new organisation could take), and each
-- organisation's user list shows when the person last worked there, not in any organisation.
alter table memberships add column last_used_at timestamptz;
update memberships m set last_used_at = u.last_login_at from users u where u.id = m.user_id;
