package app.tamroi.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "service_version")
@IdClass(ServiceVersionEntity.Key.class)
public class ServiceVersionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "service_code")
    public String serviceCode;

    @Id
    @Column(name = "version")
    public int version;

    @Column(name = "agency")
    public String agency;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "definition", columnDefinition = "jsonb")
    public String definition;

    @Column(name = "published_at")
    public Instant publishedAt;

    public static class Key implements Serializable {
        public String serviceCode;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.serviceCode, serviceCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(serviceCode, version);
        }
    }
}
