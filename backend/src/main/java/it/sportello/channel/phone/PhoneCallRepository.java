package it.sportello.channel.phone;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PhoneCallRepository extends JpaRepository<PhoneCall, Long> {

  Optional<PhoneCall> findByCallId(String callId);
}
