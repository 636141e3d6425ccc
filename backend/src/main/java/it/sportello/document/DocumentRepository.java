package it.sportello.document;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentRepository extends JpaRepository<Document, Long> {

  Optional<Document> findBySha256(String sha256);
}
